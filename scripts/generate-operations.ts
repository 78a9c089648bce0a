/**
 * `npm run generate`: writes src/operations/generated/ (one JSON file per module + index.ts) from the official ServiceTitan OpenAPI documents
 * (`$SERVICETITAN_OPENAPI_DIR`, default ../shared/servicetitan-openapi) and deletes stale generated files.
 * The output is deterministic: the same documents always give byte-identical files.
 */
import * as fs from "fs";
import * as path from "path";
import { findOpenApiDir, openApiDirCandidates, REPO_ROOT } from "./generateOperations/documents";
import { GENERATED_DIR, generateFiles } from "./generateOperations/lib";

function main(): void {
  const dir = findOpenApiDir();
  if (!dir) {
    console.error(
      "ServiceTitan OpenAPI documents not found. Looked in:\n" +
        openApiDirCandidates().map((c) => `  - ${c}`).join("\n") +
        "\nSet SERVICETITAN_OPENAPI_DIR to the folder holding crm-v2.json, jpm-v2.json, ….",
    );
    process.exit(1);
  }
  const files = generateFiles(dir);
  const outDir = path.join(REPO_ROOT, GENERATED_DIR);
  fs.mkdirSync(outDir, { recursive: true });

  let written = 0;
  let unchanged = 0;
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(REPO_ROOT, rel);
    if (fs.existsSync(abs) && fs.readFileSync(abs, "utf8") === content) {
      unchanged++;
      continue;
    }
    fs.writeFileSync(abs, content);
    written++;
  }
  const expected = new Set(Object.keys(files).map((rel) => path.join(REPO_ROOT, rel)));
  const removed: string[] = [];
  for (const name of fs.readdirSync(outDir)) {
    const abs = path.join(outDir, name);
    if (!expected.has(abs) && fs.statSync(abs).isFile()) {
      fs.unlinkSync(abs);
      removed.push(name);
    }
  }
  const bytes = Object.values(files).reduce((n, c) => n + Buffer.byteLength(c), 0);
  console.log(
    `Generated from ${dir}: ${Object.keys(files).length} files (${written} written, ${unchanged} unchanged` +
      `${removed.length ? `, removed ${removed.join(", ")}` : ""}), ${(bytes / 1024).toFixed(0)} KiB total.`,
  );
}

main();
