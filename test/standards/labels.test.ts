/**
 * Labels and descriptions that say what happens (issue 15 item 5), checked over every action: no broken
 * verb pairs ("Creates an or replace …"), no repeated preposition in one clause ("Removes tag from
 * customer from …"), no doubled words ("the the"), and the ServiceTitan module named at most once.
 */
import component from "../../src/index";
import { MODULE_LABELS } from "../../src/operations/naming";

const actions = component.actions as unknown as Record<string, { display: { label: string; description: string } }>;

interface Hit {
  key: string;
  rule: string;
  text: string;
}

const moduleNames = [...new Set(Object.values(MODULE_LABELS))].map((m) => `ServiceTitan ${m}`);
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const RULES: Array<[string, (text: string) => boolean]> = [
  ["article before 'or'", (t) => /\b(a|an|the) or\b/i.test(t)],
  // Within one sentence (no full stop between), a lower-case "from" twice: the second one is the module's.
  ["'from … from' in one sentence", (t) => t.split(/\.\s/).some((s) => /\bfrom\b[^.]*\bfrom\b/.test(s))],
  ["doubled word", (t) => /\b([A-Za-z]+) \1\b/i.test(t.replace(/\b(\w+)\s+\(\1\)/g, ""))],
  ["module named more than once", (t) => moduleNames.some((m) => (t.match(new RegExp(`${escapeRe(m)}\\b`, "g")) ?? []).length > 1)],
];

const hits: Hit[] = [];
for (const [key, a] of Object.entries(actions)) {
  for (const text of [a.display.label, a.display.description]) {
    for (const [rule, test] of RULES) if (test(text)) hits.push({ key, rule, text: text.slice(0, 160) });
  }
}

describe("action labels and descriptions read as English", () => {
  it.each(RULES.map(([rule]) => rule))("no %s", (rule) => {
    const found = hits.filter((h) => h.rule === rule);
    expect({ rule, count: found.length, first: found.slice(0, 10) }).toEqual({ rule, count: 0, first: [] });
  });

  it("the named cases say what happens", () => {
    const d = (key: string) => `${actions[key]?.display.label} — ${actions[key]?.display.description}`;
    expect(d("createInvoices")).toMatch(/adjustment invoice/i);
    expect(d("listInstalledEquipmentAttachments")).toMatch(/download/i);
    expect(d("listInstalledEquipmentAttachments")).toMatch(/path/i);
    // Reasons of given jobs vs the tenant's catalog of reasons; no route names in labels.
    expect(actions.listJobHoldReasons.display.label).toBe("List Hold Reasons for Jobs");
    expect(actions.listCancelReasonsForJobs.display.label).toBe("List Cancel Reasons for Jobs");
    expect(actions.listHoldReasons.display.label).toBe("List Job Hold Reasons");
    expect(actions.listJobCancelReasons.display.label).toBe("List Job Cancel Reasons");
    expect(Object.values(actions).filter((a) => /\bRoute\b/.test(a.display.label))).toEqual([]);
  });
});
