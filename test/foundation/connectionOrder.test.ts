/**
 * A marketplace-ready connection (issue 15 item 11): the fields a customer has in hand come first, in
 * the order the Developer Portal shows them; proxy-only fields come last and say so (Spectral's
 * connection inputs take no display condition); Time Zone states its default.
 */
import component from "../../src/index";
import { serviceTitanConnection } from "../../src/connections/serviceTitan";

type Field = { label: string; type: string; shown?: boolean; comments?: string; default?: unknown };
const inputs = serviceTitanConnection.inputs as unknown as Record<string, Field>;
const visible = Object.entries(inputs).filter(([, f]) => f.shown !== false && f.type !== "template");

test("the fields a customer fills first come first", () => {
  expect(visible.map(([key]) => key)).toEqual(["tenant", "clientId", "clientSecret", "applicationKey", "environment", "timeZone", "apiBaseUrl"]);
});

test("proxy-only fields are last and say they are for a proxy only", () => {
  const [key, field] = visible[visible.length - 1];
  expect(key).toBe("apiBaseUrl");
  expect(field.label).toMatch(/Proxy Only/);
  expect(field.comments).toMatch(/^Proxy only: leave empty for Production and Integration\./);
  // Spectral's ConnectionInput offers `shown` but no condition: nothing to hide it by Environment with.
  expect(Object.keys(field)).not.toContain("condition");
});

test("Token URL and Scopes stay hidden", () => {
  expect(inputs.tokenUrl.type).toBe("template");
  expect(inputs.scopes.shown).toBe(false);
});

test("Time Zone is optional, UTC by default, and says so", () => {
  expect(inputs.timeZone).toMatchObject({ type: "string", default: "UTC" });
  expect(inputs.timeZone.comments).toMatch(/IANA name, such as America\/Chicago; default UTC/);
});

test("the converted component keeps the order", () => {
  const conn = (component.connections as unknown as Array<{ key: string; inputs: Array<{ key: string }> }>).find((c) => c.key === "serviceTitanConnection");
  expect(conn?.inputs.map((i) => i.key).slice(0, 6)).toEqual(["tenant", "clientId", "clientSecret", "applicationKey", "environment", "timeZone"]);
});
