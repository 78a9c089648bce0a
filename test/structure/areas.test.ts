/**
 * Product areas (issue 17): every hand-written action and trigger reaches the component through one
 * area of src/areas.ts, each area lives in the folder its key names, and the areas' shapes add up to
 * exactly what the component ships (nothing registered beside them).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import component from "../../src/index";
import { builtActions } from "../../src/actions";
import { areas } from "../../src/areas";
import { serviceTitanConnection } from "../../src/connections/serviceTitan";
import { mergeKeyed } from "../../src/core/productArea";

const shipped = component as unknown as {
  actions: Record<string, unknown>;
  triggers: Record<string, unknown>;
  dataSources: Record<string, unknown>;
  connections: Array<{ key: string }>;
};

describe("product areas", () => {
  it("each area is the folder its key names, with an index.ts", () => {
    for (const area of areas) expect(fs.existsSync(path.resolve(__dirname, "../../src", area.key, "index.ts"))).toBe(true);
    expect(new Set(areas.map((a) => a.key)).size).toBe(areas.length);
  });

  it("the component's actions are the generated ones, Raw Request and Check Connection, then the areas', in that order", () => {
    const expected = [...builtActions().map((b) => b.key), "rawRequest", "checkConnection", ...areas.flatMap((a) => Object.keys(a.actions))];
    expect(Object.keys(shipped.actions)).toEqual(expected);
  });

  it("every trigger belongs to an area, and the connections are ServiceTitan's plus the areas' own", () => {
    expect(Object.keys(shipped.triggers)).toEqual(areas.flatMap((a) => Object.keys(a.triggers)));
    expect(shipped.connections.map((c) => c.key)).toEqual([serviceTitanConnection.key, ...areas.flatMap((a) => a.connections.map((c) => c.key))]);
    for (const area of areas) for (const key of Object.keys(area.dataSources)) expect(shipped.dataSources).toHaveProperty(key);
  });

  it("a key defined twice across areas fails at load, naming it", () => {
    expect(() => mergeKeyed("Action", [{ a: 1, b: 2 }, { c: 3 }])).not.toThrow();
    expect(() => mergeKeyed("Action", [{ a: 1 }, { a: 2 }])).toThrow("Action key a is defined twice.");
  });
});
