/**
 * The committed documentation must match what `npm run docs` writes from the component now, and the
 * hand-written pages Prismatic's publishing layout expects must be there.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  type DocsModel,
  FIELDS_BEGIN,
  FIELDS_END,
  loadModel,
  mdxText,
  outdatedDocs,
  REFERENCE_DIR,
  referenceGroups,
  renderDocs,
  ROOT,
  trimPayload,
  WORKFLOWS,
} from "../../scripts/generate-docs";

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), "utf8");

/** A copy of the model whose component can be changed without touching the real one. */
const cloneModel = (model: DocsModel): DocsModel => ({
  ...model,
  component: {
    ...model.component,
    actions: Object.fromEntries(
      Object.entries(model.component.actions).map(([k, a]) => [
        k,
        { ...a, inputs: a.inputs.map((i) => ({ ...i })), display: { ...a.display } },
      ]),
    ),
  },
});

describe("generated documentation", () => {
  const model = loadModel();
  const output = renderDocs(model);

  test("committed docs match the component (otherwise run `npm run docs`)", () => {
    const outdated = outdatedDocs(output);
    if (outdated.length) {
      throw new Error(`Documentation is out of date: run \`npm run docs\` and commit the result.\nOut of date: ${outdated.join(", ")}`);
    }
    expect(output.problems).toEqual([]);
  });

  test("the check notices a changed label, input comment or removed action", () => {
    // Compared with the in-memory rendering of the real component, so the result does not depend on
    // whether the committed files are current.
    const changedFiles = (m: DocsModel): string[] => {
      const files = renderDocs(m).files;
      const all = new Set([...files.keys(), ...output.files.keys()]);
      return [...all].filter((rel) => files.get(rel) !== output.files.get(rel)).sort();
    };
    const changed = cloneModel(model);
    changed.component.actions.getCustomer.display.label = "Fetch One Customer";
    expect(changedFiles(changed)).toEqual([`${REFERENCE_DIR}/crm.md`, `${REFERENCE_DIR}/index.md`]);

    const comment = cloneModel(model);
    comment.component.actions.listJobs.inputs[1].comments = "Something else entirely.";
    expect(changedFiles(comment)).toEqual([`${REFERENCE_DIR}/jpm.md`]);

    const removed = cloneModel(model);
    delete removed.component.actions.rawRequest;
    expect(changedFiles(removed)).toEqual([`${REFERENCE_DIR}/index.md`, `${REFERENCE_DIR}/workflows.md`]);

    // And the on-disk comparison reports a file whose content differs from the rendering.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "docs-"));
    const rel = `${REFERENCE_DIR}/crm.md`;
    fs.mkdirSync(path.join(tmp, REFERENCE_DIR), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), `${output.files.get(rel)}edited by hand\n`);
    const onlyCrm = { files: new Map([[rel, output.files.get(rel) ?? ""]]), stale: [], problems: [] };
    expect(outdatedDocs(onlyCrm, tmp)).toEqual([rel]);
    fs.writeFileSync(path.join(tmp, rel), output.files.get(rel) ?? "");
    expect(outdatedDocs(onlyCrm, tmp)).toEqual([]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("every action and data source is documented exactly once, in its module's page", () => {
    const groups = referenceGroups(model);
    const actionKeys = groups.flatMap((g) => g.actions.map((a) => a.key)).sort();
    expect(actionKeys).toEqual(Object.keys(model.component.actions).sort());
    const dsKeys = groups.flatMap((g) => g.dataSources.map((d) => d.key)).sort();
    expect(dsKeys).toEqual(Object.keys(model.component.dataSources).sort());

    const bySlug = Object.fromEntries(groups.map((g) => [g.slug, g]));
    expect(bySlug.crm.actions.map((a) => a.key)).toEqual(expect.arrayContaining(["getCustomer", "createCustomer"]));
    expect(bySlug.jpm.actions.map((a) => a.key)).toContain("listJobs");
    expect(bySlug[WORKFLOWS.slug].actions.map((a) => a.key)).toContain("rawRequest");

    const crm = output.files.get(`${REFERENCE_DIR}/crm.md`) ?? "";
    const getCustomer = model.component.actions.getCustomer;
    expect(crm).toContain(`### ${getCustomer.display.label}`);
    for (const input of getCustomer.inputs) expect(crm).toContain(`\`${input.key}\``);
  });

  test("notes about the earlier component appear in their action's section, and a note for a missing input is a problem", () => {
    const jpm = output.files.get(`${REFERENCE_DIR}/jpm.md`) ?? "";
    const createAppointment = jpm.split(/^### /m).find((s) => s.includes("Key: `createAppointment`")) ?? "";
    expect(createAppointment).toMatch(/#### Coming from the earlier component\n\n- Technician IDs \(`technicianId`\): The earlier component took a single Technician ID/);
    // only actions with notes get the section
    const getCustomer = (output.files.get(`${REFERENCE_DIR}/crm.md`) ?? "").split(/^### /m).find((s) => s.includes("Key: `getCustomer`")) ?? "";
    expect(getCustomer).not.toContain("Coming from the earlier component");
    const wrong = { ...model, earlierComponentNotes: { ...model.earlierComponentNotes, createJob: { noSuchInput: "x" }, noSuchAction: { a: "x" } } };
    expect(renderDocs(wrong).problems).toEqual([
      "A note about the earlier component names input createJob.noSuchInput, which that action does not have.",
      "A note about the earlier component names action noSuchAction, which the component does not have.",
    ]);
  });

  test("every trigger has a page, and every connection's page carries its generated field table", () => {
    for (const key of Object.keys(model.component.triggers)) expect(output.files.has(`documentation/triggers/${key}.mdx`)).toBe(true);
    for (const conn of model.component.connections) {
      const page = output.files.get(`documentation/connections/${conn.key}.mdx`);
      expect(page).toBeDefined();
      for (const input of conn.inputs) expect(page).toContain(`| \`${input.key}\` |`);
    }
  });

  test("MDX pages have no bare braces or angle brackets outside code and comments", () => {
    const mdx = [...output.files.entries()].filter(([rel]) => rel.endsWith(".mdx"));
    mdx.push(["documentation/description.mdx", read("documentation/description.mdx")]);
    for (const [rel, text] of mdx) {
      const body = text
        .replace(/^---\n[\s\S]*?\n---\n/, "")
        .replace(/```[\s\S]*?```/g, "")
        .replace(/\{\/\*[\s\S]*?\*\/\}/g, "")
        .replace(/`[^`\n]*`/g, "")
        .replace(/\\[{}]/g, "")
        .replace(/<br\/>/g, "");
      const bad = body.match(/[{}<>]/g);
      if (bad) throw new Error(`${rel}: unescaped ${bad.join("")}`);
    }
    expect(mdxText("GET /customers/{id} <x> `{kept}`")).toBe("GET /customers/\\{id\\} &lt;x&gt; `{kept}`");
  });
});

describe("hand-written pages of the publishing layout", () => {
  test("description, connection pages, external docs and changelog exist", () => {
    expect(read("documentation/description.mdx").length).toBeGreaterThan(500);
    for (const key of ["serviceTitanConnection", "leadsIntegrationPlatform"]) {
      const page = read(`documentation/connections/${key}.mdx`);
      expect(page).toContain(FIELDS_BEGIN);
      expect(page).toContain(FIELDS_END);
      expect(page).toMatch(/^---\ntitle: /);
    }
    const external = JSON.parse(read("documentation/external-docs.json")) as Array<{ label: string; href: string }>;
    expect(external.length).toBeGreaterThanOrEqual(3);
    for (const link of external) {
      expect(link.label).toEqual(expect.any(String));
      expect(link.href).toMatch(/^https:\/\//);
    }
    expect(read("changelog.md")).toMatch(/^# Changelog/);
  });

  test("the ServiceTitan connection page walks through the portal and tenant steps", () => {
    const page = read("documentation/connections/serviceTitanConnection.mdx");
    for (const step of ["My Apps", "Client Credentials Management", "API Application Access", "View Connections", "Generate"])
      expect(page).toContain(step);
  });
});

describe("trimPayload", () => {
  test("keeps the first item of arrays, cuts long strings and deep nesting", () => {
    expect(trimPayload({ data: [1, 2, 3] })).toEqual({ data: [1, "… 2 more"] });
    expect(trimPayload("x".repeat(200))).toBe(`${"x".repeat(120)}…`);
    expect(trimPayload({ a: { b: { c: { d: { e: { f: 1, g: 2 } } } } } })).toEqual({ a: { b: { c: { d: { e: "{ … 2 field(s) }" } } } } });
  });
});
