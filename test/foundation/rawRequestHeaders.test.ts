/** Raw Request's Headers input refuses the headers the connection sets in its own `clean`, before perform. */
import { cleanHeaders, rawRequest } from "../../src/actions/rawRequest";

const rows = (...pairs: Array<[string, string]>) => pairs.map(([key, value]) => ({ key, value }));

it("the Headers input's clean is cleanHeaders", () => {
  expect(rawRequest.inputs.headers.clean).toBe(cleanHeaders);
});

it.each(["Authorization", "authorization", "ST-App-Key", "st-app-key", "Host", "Content-Length", " Authorization "])(
  'refuses "%s" in clean, with the message naming the input',
  (name) => {
    expect(() => rawRequest.inputs.headers.clean(rows(["Accept-Language", "en-US"], [name, "x"]))).toThrow(
      `Headers: "${name.trim()}" is set by the connection and cannot be overridden.`,
    );
  },
);

it("passes other headers through, and nothing for an empty input", () => {
  expect(cleanHeaders(rows(["Accept-Language", "en-US"], ["X-Trace", "abc"]))).toEqual({ "Accept-Language": "en-US", "X-Trace": "abc" });
  expect(cleanHeaders([])).toBeUndefined();
  expect(cleanHeaders(undefined)).toBeUndefined();
});
