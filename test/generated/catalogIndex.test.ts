/**
 * The generated catalog index (src/operations/generated/catalogIndex.json) is what the component reads
 * at load instead of building the whole catalog (issue 16 item 9). It must be exactly what buildCatalog
 * makes from today's descriptors and curated words — with every key check — or an action would load
 * under a stale key or with stale words.
 */
import { buildCatalog, catalogEntry, catalogKeys } from "../../src/operations/catalog";
import { catalogIndex } from "../../src/operations/generated";

describe("catalog index", () => {
  const catalog = buildCatalog();

  it("lists every catalog action's key, module and operationId in catalog order (else: run npm run generate)", () => {
    expect(catalogIndex.map((row) => [...row])).toEqual(catalog.map((e) => [e.key, e.op.module, e.op.operationId]));
    expect(catalogKeys()).toEqual(catalog.map((e) => e.key));
  });

  it("gives each key the same entry buildCatalog makes: the same descriptor and curated words", () => {
    for (const entry of catalog) expect(catalogEntry(entry.key)).toEqual(entry);
  });

  it("knows no other key", () => {
    expect(catalogEntry("noSuchAction")).toBeUndefined();
    expect(catalogEntry("rawRequest")).toBeUndefined();
  });
});
