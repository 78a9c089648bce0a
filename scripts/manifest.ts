/**
 * `npm run manifest` (after `npm run build`): writes the component manifest package that code-native
 * integrations (CNI) use to call this component with typed inputs — Spectral's own generator
 * (`component-manifest`, from @prismatic-io/spectral) run on dist/index.js.
 *
 *   npm run manifest                      → manifest/ (package @component-manifests/servicetitan)
 *   npm run manifest -- --output-dir DIR  → DIR
 *   npm run manifest -- --verify          → also ask Prismatic for the published component's signature
 *                                            (needs `prism login` and a published component)
 *
 * The generator shells out to `prism components:signature`, so node_modules/.bin (where the prism CLI,
 * a dev dependency, lives) is put on PATH. By default it runs offline with --skip-signature-verify: the
 * signature is then the hash of the local build, which is what a manifest for local development needs.
 * The output folder is emptied first, so an action that was removed does not linger.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

export const ROOT = path.resolve(__dirname, "..");
export const DEFAULT_OUTPUT_DIR = path.join(ROOT, "manifest");
export const MANIFEST_PACKAGE = "@component-manifests/servicetitan";

export interface ManifestOptions {
  outputDir?: string;
  /** Ask Prismatic for the published signature instead of hashing the local build. */
  verifySignature?: boolean;
  packageName?: string;
  /** Print the generator's output. */
  verbose?: boolean;
}

/** Runs Spectral's manifest generator on dist/index.js; returns the output directory. */
export const generateManifest = (options: ManifestOptions = {}): string => {
  const outputDir = path.resolve(options.outputDir ?? DEFAULT_OUTPUT_DIR);
  if (!fs.existsSync(path.join(ROOT, "dist", "index.js"))) throw new Error("dist/index.js is missing: run `npm run build` first.");
  const bin = path.join(ROOT, "node_modules", ".bin");
  const generator = path.join(bin, "component-manifest");
  if (!fs.existsSync(generator)) throw new Error("component-manifest is missing: run `npm ci` (it comes with @prismatic-io/spectral).");
  if (!fs.existsSync(path.join(bin, "prism")))
    throw new Error("The prism CLI is missing: run `npm ci` (@prismatic-io/prism is a dev dependency).");
  fs.rmSync(outputDir, { recursive: true, force: true });
  const args = ["--output-dir", outputDir, "--name", options.packageName ?? MANIFEST_PACKAGE];
  if (!options.verifySignature) args.push("--skip-signature-verify");
  try {
    execFileSync(generator, args, {
      cwd: ROOT,
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` },
      stdio: options.verbose ? "inherit" : "pipe",
      encoding: "utf8",
    });
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    const said = `${e.stdout ?? ""}${e.stderr ?? ""}`.trim();
    throw new Error(`component-manifest failed (exit ${e.status ?? "?"})${said ? `: ${said}` : ""}`);
  }
  if (!fs.existsSync(path.join(outputDir, "src", "index.ts"))) throw new Error(`The generator wrote no manifest to ${outputDir}.`);
  for (const file of fs.readdirSync(path.join(outputDir, "src", "actions"))) {
    const at = path.join(outputDir, "src", "actions", file);
    fs.writeFileSync(at, outputSchemasAsObjects(fs.readFileSync(at, "utf8")));
  }
  return outputDir;
};

/** `schema: '<JSON text>'` of an action output schema, as Spectral 10.31.1's generator writes it. */
const OUTPUT_SCHEMA_TEXT = /(outputSchema: \{\s*type: "actionOutput",\s*schema:\s*)('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g;

/**
 * Spectral's manifest generator copies each action's output schema as the platform receives it, its
 * JSON Schema as text, while the manifest's own type (ComponentManifestAction) wants the object: as
 * written, no CNI could register the manifest. The text is turned back into the object it encodes, typed
 * as the JSON Schema it is.
 */
export const outputSchemasAsObjects = (source: string): string =>
  source.replace(OUTPUT_SCHEMA_TEXT, (_m, head: string, literal: string) => {
    const parsed = ts.createSourceFile("literal.ts", `(${literal});`, ts.ScriptTarget.ES2022);
    const statement = parsed.statements[0] as ts.ExpressionStatement;
    const text = ((statement.expression as ts.ParenthesizedExpression).expression as ts.StringLiteral).text;
    // typed as a JSON Schema, not as the `as const` literal around it (whose readonly arrays no JSON Schema type accepts)
    return `${head}${JSON.stringify(JSON.parse(text))} as import("@prismatic-io/spectral/dist/types").ActionOutputSchema["schema"]`;
  });

if (require.main === module) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf("--output-dir");
  const outputDir = at >= 0 ? argv[at + 1] : undefined;
  const dir = generateManifest({ outputDir, verifySignature: argv.includes("--verify"), verbose: true });
  const actions = fs.readdirSync(path.join(dir, "src", "actions")).filter((f) => f !== "index.ts").length;
  console.log(`${MANIFEST_PACKAGE}: ${actions} actions in ${path.relative(process.cwd(), dir) || "."}`);
}
