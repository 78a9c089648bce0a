/**
 * The smallest useful Spectral component — one action, one input — used by `npm run bench` as the
 * floor for cold start and bundle size: it is bundled at bench time with the component's own
 * webpack.config.js (entry and output swapped), so the only difference is what the component carries.
 */
import { action, component, input } from "@prismatic-io/spectral";

const ping = action({
  display: { label: "Ping", description: "Answers with a greeting." },
  inputs: {
    name: input({ label: "Name", type: "string", required: false, comments: "Who to greet.", example: "World" }),
  },
  perform: async (_context, params) => ({ data: { greeting: `Hello, ${String(params.name ?? "World")}` } }),
});

export default component({
  key: "benchMinimal",
  public: false,
  display: { label: "Bench Minimal", description: "A one-action component, the cold-start floor.", iconPath: "icon.png" },
  actions: { ping },
});
