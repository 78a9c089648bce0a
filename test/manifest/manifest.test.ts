/**
 * The component manifest for code-native integrations: Spectral's generator runs on the current build,
 * and a small CNI (fixture/cni.ts) that calls createCustomer, getCustomer and listJobs through it must
 * type-check — and must stop type-checking when an input name, a required input or an action key is
 * wrong, which proves the check can fail.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { generateManifest, MANIFEST_PACKAGE, ROOT } from "../../scripts/manifest";

const FIXTURE_DIR = path.join(__dirname, "fixture");
const FIXTURE = path.join(FIXTURE_DIR, "cni.ts");
const REGISTRY = path.join(FIXTURE_DIR, "registry.ts");
/**
 * Inside the repository so the manifest's own imports (@prismatic-io/spectral) resolve, and git-ignored;
 * one folder per run, so two test runs at the same time do not remove each other's manifest.
 */
const OUT_DIR = path.join(ROOT, "node_modules", ".cache", `servicetitan-manifest-test-${process.pid}`);
const fixtureSource = fs.readFileSync(FIXTURE, "utf8");

/** The fixture with one exact piece of text replaced (fails loudly if the piece is not there). */
const mutate = (from: string, to: string): string => {
  if (!fixtureSource.includes(from)) throw new Error(`fixture/cni.ts no longer contains ${JSON.stringify(from)}`);
  return fixtureSource.replace(from, to);
};

/**
 * Broken copies of the fixture, each with one mistake a CNI author could make. They are compiled in the
 * same program as the fixture (as virtual files beside it), so the checker resolves the manifest's types
 * once for all of them.
 */
const MUTANTS: Record<string, { source: string; error: RegExp }> = {
  wrongInputName: {
    source: mutate("customerId: String(created.data.id) });", "customerID: String(created.data.id) });"),
    error: /TS2561: .*'customerID' does not exist in type 'GetCustomerValues'/,
  },
  missingRequiredInput: { source: mutate('      name: "Jane Smith",\n', ""), error: /Property 'name' is missing/ },
  unknownChoice: { source: mutate('type: "Residential"', 'type: "Residental"'), error: /"Residental"' is not assignable/ },
  unknownAction: { source: mutate("await st.listJobs({", "await st.listJob({"), error: /Property 'listJob' does not exist/ },
};
const mutantPath = (name: string) => path.join(FIXTURE_DIR, `__mutant_${name}.ts`);

/** Compiler options from fixture/tsconfig.json, with the package name pointed at this test's copy. */
const fixtureOptions = (dir: string): ts.CompilerOptions => {
  const configFile = ts.readConfigFile(path.join(FIXTURE_DIR, "tsconfig.json"), ts.sys.readFile);
  if (configFile.error) throw new Error(ts.flattenDiagnosticMessageText(configFile.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, FIXTURE_DIR);
  return { ...parsed.options, paths: { [MANIFEST_PACKAGE]: [path.join(dir, "src", "index.ts")] } };
};

let manifestDir: string;
let program: ts.Program;

const format = (d: ts.Diagnostic): string => {
  const where =
    d.file && d.start !== undefined ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : "";
  return `${where}TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
};

/** Error messages of one file of the program (or of the whole program). */
const errorsOf = (fileName?: string): string[] => {
  const file = fileName ? program.getSourceFile(fileName) : undefined;
  if (fileName && !file) throw new Error(`${fileName} is not in the program`);
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map(format);
};

beforeAll(() => {
  // dist/index.js must be the component as it is now (npm test builds it first; a lone jest run may not).
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "ensure-built.js")], { cwd: ROOT, stdio: "pipe" });
  manifestDir = generateManifest({ outputDir: OUT_DIR });
  const options = fixtureOptions(manifestDir);
  const host = ts.createCompilerHost(options);
  const virtual = new Map(Object.entries(MUTANTS).map(([name, m]) => [mutantPath(name), m.source]));
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(path.resolve(fileName));
    return text !== undefined
      ? ts.createSourceFile(fileName, text, languageVersion, true)
      : getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
  };
  host.fileExists = (fileName) => virtual.has(path.resolve(fileName)) || fileExists.call(host, fileName);
  host.readFile = (fileName) => virtual.get(path.resolve(fileName)) ?? readFile.call(host, fileName);
  program = ts.createProgram({ rootNames: [FIXTURE, REGISTRY, ...virtual.keys()], options, host });
  expect([...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map(format)).toEqual([]);
}, 300_000);

afterAll(() => {
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
});

describe("component manifest", () => {
  test("Spectral's generator writes one typed file per action of the built component", () => {
    const component = require(path.join(ROOT, "dist", "index.js")).default as {
      key: string;
      actions: Record<string, unknown>;
      connections: Array<{ key: string }>;
    };
    const index = fs.readFileSync(path.join(manifestDir, "src", "index.ts"), "utf8");
    expect(index).toContain(`key: "${component.key}"`);
    expect(index).toMatch(/signature: "[0-9a-f]{40}"/);
    const files = fs.readdirSync(path.join(manifestDir, "src", "actions")).filter((f) => f !== "index.ts");
    expect(files.length).toBe(Object.keys(component.actions).length);
    for (const conn of component.connections)
      expect(fs.existsSync(path.join(manifestDir, "src", "connections", `${conn.key}.ts`))).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(manifestDir, "package.json"), "utf8"));
    expect(pkg.name).toBe(MANIFEST_PACKAGE);
  });

  test("the fixture CNI type-checks against the manifest", () => {
    expect(errorsOf(FIXTURE)).toEqual([]);
    expect(errorsOf(REGISTRY)).toEqual([]);
  });

  test("a wrong input name fails the type-check", () => {
    expect(errorsOf(mutantPath("wrongInputName"))).toEqual([expect.stringMatching(MUTANTS.wrongInputName.error)]);
  });

  test.each(["missingRequiredInput", "unknownChoice", "unknownAction"])("%s fails the type-check", (name) => {
    expect(errorsOf(mutantPath(name))).toEqual([expect.stringMatching(MUTANTS[name].error)]);
  });

  test("the generated manifest package itself type-checks", () => {
    const realDir = fs.realpathSync(manifestDir); // TypeScript reports resolved (real) paths
    const manifestFiles = program.getSourceFiles().filter((f) => f.fileName.startsWith(realDir) || f.fileName.startsWith(manifestDir));
    expect(manifestFiles.length).toBeGreaterThan(300);
    expect(manifestFiles.flatMap((f) => errorsOf(f.fileName))).toEqual([]);
  });
});
