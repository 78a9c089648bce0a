/**
 * Lists follow their own first page: the Intacct business-unit mappings list pages from 0 (its contract
 * gives `page` a minimum of 0; page size at most 500; includeTotal required). Fetch All starts there
 * and skips nothing; the Page input counts from 0 for it and from 1 for every other list.
 */
import { builtActions } from "../../src/actions";
import { captureConnection, type CaptureServer } from "../support/captureServer";
import { spectral as harness, useCaptureServer } from "../support/harness";

let server: CaptureServer;
const capture = useCaptureServer();
beforeAll(() => (server = capture.server));

const intacct = () => {
  const built = builtActions().find((b) => b.op.operationId === "IntacctBusinessUnitMappings_Get");
  if (!built) throw new Error("the Intacct business-unit mappings action is missing");
  return built;
};

/** 1,100 mappings served from page 0, pages of at most 500. */
const RECORDS = Array.from({ length: 1100 }, (_, i) => ({ id: i + 1, name: `BU ${i + 1}` }));
const pagedFromZero = () =>
  server.setResponder((r) => {
    const page = Number(r.query.page);
    const size = Number(r.query.pageSize);
    if (!(page >= 0) || !(size >= 1 && size <= 500)) return { status: 400, body: { title: "bad paging" } };
    const data = RECORDS.slice(page * size, page * size + size);
    return {
      body: {
        page,
        pageSize: size,
        hasMore: (page + 1) * size < RECORDS.length,
        totalCount: r.query.includeTotal === "true" ? RECORDS.length : undefined,
        data,
      },
    };
  });

test("Fetch All on a list paged from 0 starts at page 0 and returns every record", async () => {
  expect(intacct().op.params.find((p) => p.name === "page")?.schema.minimum).toBe(0);
  pagedFromZero();
  server.clear();
  const out = (await harness.action(intacct().key, { connection: captureConnection(server), fetchAll: "true" })) as {
    data: { data: Array<{ id: number }> };
  };
  expect(out.data.data.map((r) => r.id)).toEqual(RECORDS.map((r) => r.id));
  const pages = server.requests.filter((r) => r.query.pageSize !== "1").map((r) => Number(r.query.page));
  expect(pages[0]).toBe(0);
});

test("the Page input of a list paged from 0 counts from 0, and an empty Page asks for page 0", async () => {
  const inputs = intacct().definition.inputs as Record<string, { clean: (v: unknown) => unknown; comments: string; placeholder?: string }>;
  expect(inputs.page.comments).toMatch(/counting from 0/);
  expect(inputs.page.clean("0")).toBe(0);
  pagedFromZero();
  server.clear();
  await harness.action(intacct().key, { connection: captureConnection(server) });
  expect(server.requests[0].query.page).toBe("0");
});

test("other lists still count pages from 1 and refuse page 0", () => {
  const built = builtActions().find((b) => b.key === "listCustomers");
  const inputs = built?.definition.inputs as Record<string, { clean: (v: unknown) => unknown; comments: string }>;
  expect(inputs.page.comments).toMatch(/counting from 1/);
  expect(() => inputs.page.clean("0")).toThrow(/Page/);
});
