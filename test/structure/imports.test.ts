/**
 * Import structure (issue 17): the top-level folders of src/ form no import cycle, no product area
 * (the folders src/areas.ts lists) imports another or is imported by the horizontal machinery, and the
 * bundle's entry (src/index.ts) reaches nothing under sandbox/ or scripts/.
 *
 * The import graph comes from dependency-cruiser (it parses TypeScript, resolves paths with our
 * tsconfig and, with cruise.config.cjs, reports type-only imports too, which count here: a type import
 * ties two folders as much as a value import does). dependency-cruiser ships as ES modules only, so it runs as a child process
 * and hands back its JSON result; the folder graph and its cycles are computed below from that.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

interface CruisedModule {
  source: string;
  dependencies: Array<{ resolved: string; coreModule: boolean }>;
}

/** file → the project files it imports, for every file reached from `entries`. */
const cruise = (entries: string[]): Map<string, string[]> => {
  const bin = path.join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
  const args = [bin, ...entries, "--config", "test/structure/cruise.config.cjs", "--ts-config", "tsconfig.json", "--do-not-follow", "node_modules", "--exclude", "^node_modules", "--output-type", "json"];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`dependency-cruiser failed (${run.status}): ${run.stderr}`);
  const result = JSON.parse(run.stdout) as { modules: CruisedModule[] };
  const graph = new Map<string, string[]>();
  for (const m of result.modules) {
    graph.set(
      m.source,
      m.dependencies.filter((d) => !d.coreModule && !d.resolved.startsWith("node_modules/")).map((d) => d.resolved),
    );
  }
  return graph;
};

/** "src/http/client.ts" → "http"; a file directly in src/ (src/index.ts) has no folder. */
const folderOf = (file: string): string | undefined => {
  const parts = file.split("/");
  return parts[0] === "src" && parts.length > 2 ? parts[1] : undefined;
};

/** The folder graph with, for each folder edge, one file import that makes it (for the message). */
const folderGraph = (files: Map<string, string[]>): Map<string, Map<string, string>> => {
  const out = new Map<string, Map<string, string>>();
  for (const [from, deps] of files) {
    const a = folderOf(from);
    if (!a) continue;
    for (const to of deps) {
      const b = folderOf(to);
      if (!b || a === b) continue;
      if (!out.has(a)) out.set(a, new Map());
      const edges = out.get(a) as Map<string, string>;
      if (!edges.has(b)) edges.set(b, `${from} → ${to}`);
    }
  }
  return out;
};

/** Strongly connected components with more than one folder (Tarjan): each is a set of folders in a cycle. */
const folderCycles = (graph: Map<string, Map<string, string>>): string[][] => {
  const nodes = new Set<string>([...graph.keys(), ...[...graph.values()].flatMap((e) => [...e.keys()])]);
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!index.has(v)) visit(v);
  return found;
};

/** Each edge inside a cycle, with the file import that makes it, so a failure says what to move. */
const describeCycle = (members: string[], graph: Map<string, Map<string, string>>): string => {
  const inside = new Set(members);
  const edges = members.flatMap((a) =>
    [...(graph.get(a) ?? new Map<string, string>()).entries()].filter(([b]) => inside.has(b)).map(([b, why]) => `    ${a} → ${b}   (${why})`),
  );
  return [`  cycle among ${members.join(", ")}:`, ...edges].join("\n");
};

describe("import structure", () => {
  const files = cruise(["src"]);

  it("reads the whole of src/ (the tool resolved our imports)", () => {
    const srcFiles = [...files.keys()].filter((f) => f.startsWith("src/"));
    expect(srcFiles.length).toBeGreaterThan(50);
    expect(files.get("src/index.ts")?.length).toBeGreaterThan(3);
  });

  it("counts type-only imports (src/http/client.ts imports only a type from src/operations/types.ts)", () => {
    expect(files.get("src/http/client.ts")).toContain("src/operations/types.ts");
  });

  it("has no import cycle between top-level folders of src/", () => {
    const graph = folderGraph(files);
    const cycles = folderCycles(graph);
    const message = cycles.length ? `folder import cycles:\n${cycles.map((c) => describeCycle(c, graph)).join("\n")}` : "";
    expect(message).toBe("");
  });

  it("src/core/ is a leaf: it imports nothing of ours outside itself", () => {
    const outside = [...files.entries()]
      .filter(([f]) => f.startsWith("src/core/"))
      .flatMap(([f, deps]) => deps.filter((d) => !d.startsWith("src/core/")).map((d) => `${f} → ${d}`));
    expect(files.has("src/core/errors.ts")).toBe(true);
    expect(outside).toEqual([]);
  });

  // Product areas (issue 17): the folders src/areas.ts lists. Each is a vertical slice over the horizontal
  // machinery; an area that imported another, or machinery that imported an area, would tie them again.
  const areaFolders = (files.get("src/areas.ts") ?? [])
    .filter((f) => /^src\/[^/]+\/index\.ts$/.test(f))
    .map((f) => folderOf(f) as string);

  it("finds the product areas in src/areas.ts", () => {
    expect(areaFolders).toEqual(expect.arrayContaining(["crm", "leads", "recordChanges", "schedulingPro", "webhooks"]));
  });

  it("no product area imports another, and no horizontal folder imports an area", () => {
    const areasSet = new Set(areaFolders);
    const crossing = [...files.entries()].flatMap(([from, deps]) => {
      const a = folderOf(from);
      if (!a) return [];
      return deps.filter((to) => {
        const b = folderOf(to);
        return b !== undefined && b !== a && areasSet.has(b);
      }).map((to) => `${from} → ${to}`);
    });
    expect(crossing).toEqual([]);
  });

  it("the bundle's entry reaches nothing under sandbox/ or scripts/", () => {
    const reached = new Map<string, string>([["src/index.ts", "src/index.ts"]]);
    const queue = ["src/index.ts"];
    while (queue.length) {
      const file = queue.shift() as string;
      for (const dep of files.get(file) ?? []) {
        if (reached.has(dep)) continue;
        reached.set(dep, `${reached.get(file)} → ${dep}`);
        queue.push(dep);
      }
    }
    const forbidden = [...reached.entries()].filter(([f]) => /^(sandbox|scripts)\//.test(f)).map(([, chain]) => chain);
    expect(forbidden).toEqual([]);
  });
});

describe("folderCycles (the check itself)", () => {
  const g = (edges: Array<[string, string]>) => {
    const m = new Map<string, Map<string, string>>();
    for (const [a, b] of edges) {
      if (!m.has(a)) m.set(a, new Map());
      m.get(a)?.set(b, "");
    }
    return m;
  };
  it("finds a two-folder and a three-folder cycle, and none in a layered graph", () => {
    expect(folderCycles(g([["a", "b"], ["b", "a"], ["c", "d"], ["d", "e"], ["e", "c"], ["a", "c"]]))).toEqual([
      ["c", "d", "e"],
      ["a", "b"],
    ]);
    expect(folderCycles(g([["a", "b"], ["b", "c"], ["a", "c"]]))).toEqual([]);
  });
});
