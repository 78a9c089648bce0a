/**
 * `npm run designer-metrics`: measures the BUILT component (dist/index.js, the converted component
 * Prismatic receives) for what a builder meets in the designer (issue 15, "Done when"), prints each
 * figure with its target, and exits non-zero when one misses. `tsx scripts/designer-metrics.ts <file.js>`
 * measures another bundle instead.
 *
 * The rules behind the figures live in scripts/lib/designerRules.ts, shared with test/standards/;
 * test/standards/designerMetrics.test.ts runs this script and asserts every figure.
 */
import path from "node:path";
import { loadBuiltComponent } from "./lib/component";
import {
  commentProblems,
  type CommentedInput,
  type ConvertedOutputs,
  examplePayloadProblems,
  answersEmpty,
  fetchAllMisplaced,
  FILLER,
} from "./lib/designerRules";

interface ConvertedInput extends CommentedInput {
  required?: boolean;
  language?: string;
}
interface ConvertedAction extends ConvertedOutputs {
  key: string;
  display: { label: string; important?: boolean };
  inputs: ConvertedInput[];
}
export interface MeasuredComponent {
  actions: Record<string, ConvertedAction>;
}

/** The three flows a builder builds every day: they must need no JSON (issue 15 item 1). */
export const EVERYDAY_FLOWS = ["createCustomer", "createJob", "createBookingByProvider"];

export type Target = { kind: "zero" } | { kind: "all" } | { kind: "atLeast"; n: number };

export interface Figure {
  id: string;
  label: string;
  value: number;
  /** For "all" targets: how many there are. */
  of?: number;
  target: Target;
  /** A few of the offenders, for the reader. */
  examples: string[];
}

/**
 * A figure another branch is bringing to its target, with the highest value accepted until then (none
 * today; test/standards/designerMetrics.test.ts fails while an entry lingers past its target).
 */
export const PENDING: Readonly<Record<string, { ceiling: number; until: string }>> = {};

export const met = (f: Figure): boolean => {
  switch (f.target.kind) {
    case "zero":
      return f.value === 0;
    case "all":
      return f.value === f.of;
    case "atLeast":
      return f.value >= f.target.n;
  }
};

/** Met, or still within a pending figure's ceiling. */
export const acceptable = (f: Figure): boolean => met(f) || (f.id in PENDING && f.value <= PENDING[f.id].ceiling);

const targetText = (f: Figure): string => {
  switch (f.target.kind) {
    case "zero":
      return "0";
    case "all":
      return `all (${f.of})`;
    case "atLeast":
      return `≥ ${f.target.n}`;
  }
};

/** Every figure of the component. */
export const measure = (component: MeasuredComponent): Figure[] => {
  const actions = Object.values(component.actions);
  const byCommentKind = new Map<string, string[]>();
  for (const a of actions)
    // a structured object's own comment and each of its fields'
    for (const input of a.inputs.flatMap((i) => [i, ...((i as { inputs?: typeof a.inputs }).inputs ?? [])]))
      for (const kind of commentProblems(input)) byCommentKind.set(kind, [...(byCommentKind.get(kind) ?? []), `${a.key}.${input.key}`]);
  const fillerKinds = new Set(FILLER.map(([kind]) => kind));
  const filler = [...new Set([...byCommentKind].filter(([kind]) => fillerKinds.has(kind)).flatMap(([, where]) => where))];
  const comments = (kind: string) => byCommentKind.get(kind) ?? [];

  const placeholderPayloads: string[] = [];
  const emptyWhereNot: string[] = [];
  for (const a of actions) {
    const { placeholders, emptyObjects } = examplePayloadProblems(a);
    if (placeholders.length) placeholderPayloads.push(`${a.key} (${placeholders[0]})`);
    if (emptyObjects.length) emptyWhereNot.push(`${a.key} (${emptyObjects[0]})`);
  }
  const withSchema = actions.filter((a) => a.outputSchema?.type === "actionOutput" && a.outputSchema.schema !== undefined);
  const lists = actions.filter((a) => a.inputs.some((i) => i.key === "fetchAll"));
  const misplaced = lists.filter((a) =>
    fetchAllMisplaced(
      a.inputs.map((i) => i.key),
      new Set(a.inputs.filter((i) => i.required).map((i) => i.key)),
    ),
  );
  const everydayCode = EVERYDAY_FLOWS.flatMap((key) =>
    (component.actions[key]?.inputs ?? []).filter((i) => i.type === "code" && i.required).map((i) => `${key}.${i.key}`),
  );
  const important = actions.filter((a) => a.display.important === true);

  const zero = { kind: "zero" } as const;
  return [
    { id: "fillerComments", label: "filler comments", value: filler.length, target: zero, examples: filler },
    {
      id: "typeOnlyComments",
      label: "type-only comments",
      value: comments("type-only").length,
      target: zero,
      examples: comments("type-only"),
    },
    {
      id: "repeatingComments",
      label: "comments that repeat the key or label",
      value: comments("repeats key or label").length,
      target: zero,
      examples: comments("repeats key or label"),
    },
    {
      id: "earlierComponentComments",
      label: "comments with notes about the earlier component",
      value: comments("earlier-component note").length,
      target: zero,
      examples: comments("earlier-component note"),
    },
    {
      id: "placeholderPayloads",
      label: "example payloads with placeholders",
      value: placeholderPayloads.length,
      target: zero,
      examples: placeholderPayloads,
    },
    {
      id: "emptyExamplesWhereAnswerIsNot",
      label: "example payloads with {} where the answer is not empty",
      value: emptyWhereNot.length,
      target: zero,
      examples: emptyWhereNot,
    },
    {
      id: "actionsWithOutputSchema",
      label: "actions with an output schema",
      value: withSchema.length,
      of: actions.length,
      target: { kind: "all" },
      examples: actions.filter((a) => !withSchema.includes(a)).map((a) => a.key),
    },
    {
      id: "listsWithFetchAllAfterRequired",
      label: "list actions with Fetch All right after the required inputs",
      value: lists.length - misplaced.length,
      of: lists.length,
      target: { kind: "all" },
      examples: misplaced.map((a) => a.key),
    },
    {
      id: "everydayCodeInputs",
      label: "code inputs required by the everyday flows",
      value: everydayCode.length,
      target: zero,
      examples: everydayCode,
    },
    { id: "importantActions", label: "important actions", value: important.length, target: { kind: "atLeast", n: 8 }, examples: [] },
  ];
};

/** Empty `{}` examples where the answer is empty: allowed, printed for the reader. */
export const emptyAnswerExamples = (component: MeasuredComponent): number =>
  Object.values(component.actions).filter((a) => {
    const data = a.examplePayload?.data;
    return answersEmpty(a) && Boolean(data && typeof data === "object" && Object.keys(data).length === 0);
  }).length;

/** The report, one line per figure. */
export const report = (figures: Figure[], component: MeasuredComponent): string[] => {
  const lines = [`Designer metrics over the built component (${Object.keys(component.actions).length} actions):`];
  for (const f of figures) {
    const value = f.of === undefined ? `${f.value}` : `${f.value} of ${f.of}`;
    let status = met(f) ? "ok" : "MISS";
    if (!met(f) && acceptable(f))
      status = `pending: expected to reach ${targetText(f)} when ${PENDING[f.id].until} (accepted up to ${PENDING[f.id].ceiling})`;
    const seen = !met(f) && f.examples.length ? ` — e.g. ${f.examples.slice(0, 3).join(", ")}` : "";
    lines.push(`  ${f.label}: ${value} (target ${targetText(f)}) ${status}${seen}`);
  }
  lines.push(`  empty examples where the answer is empty (allowed): ${emptyAnswerExamples(component)}`);
  return lines;
};

if (require.main === module) {
  // Another bundle may be named (the test checks the exit status on a doctored one); dist/index.js by default.
  const file = process.argv[2];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = file ? require(path.resolve(file)) : loadBuiltComponent();
  const component = (loaded.default ?? loaded) as MeasuredComponent;
  const figures = measure(component);
  for (const line of report(figures, component)) console.log(line);
  const missed = figures.filter((f) => !acceptable(f));
  if (missed.length) {
    console.error(`Missed: ${missed.map((f) => f.label).join("; ")}`);
    process.exit(1);
  }
}
