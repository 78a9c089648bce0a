/**
 * Loads the BUILT component (dist/index.js) and wraps it in Spectral's test harness, which runs each
 * action exactly as the Prismatic runner does: input defaults, `clean`, perform, error hook.
 */
import path from "path";
import { createHarness } from "@prismatic-io/spectral/dist/testing";

export const loadBuiltComponent = () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.resolve(__dirname, "../../dist/index.js"));
  return mod.default ?? mod;
};

export const builtHarness = () => createHarness(loadBuiltComponent());
