/**
 * The contract test's departures from the official documents (test/contract/exceptions.ts): exactly one,
 * Reporting's report-parameter value, which the document types as null only. This proves it is the only
 * one, that it is needed (the published schema refuses the values real reports take), that it admits
 * exactly text, numbers, true/false and lists of them (an object is still refused), and that it stops
 * applying the day the document says something else.
 */
import { describeWithDocs, loadDocument } from "../support/openapiDocs";
import type { CapturedRequest } from "../support/captureServer";
import { applyContractExceptions, CONTRACT_EXCEPTIONS } from "./exceptions";
import { checkRequest, contractApiFor, type ContractApi } from "./openapiValidator";
import OpenAPIBackend from "openapi-backend";

const dataRequest = (parameters: unknown[]): CapturedRequest =>
  ({
    method: "POST",
    path: "/reporting/v2/tenant/1234567890/report-category/operations/reports/2001/data",
    query: { page: "1", pageSize: "1000" },
    rawQuery: "page=1&pageSize=1000",
    headers: { "content-type": "application/json" },
    rawBody: JSON.stringify({ parameters }),
    body: { parameters },
  }) as unknown as CapturedRequest;

const REAL_VALUES = [
  { name: "From", value: "2026-01-01" },
  { name: "MinimumRevenue", value: 250.5 },
  { name: "IncludeInactive", value: false },
  { name: "BusinessUnitIds", value: [1234567, 1234568] },
];

describeWithDocs("contract exceptions", () => {
  it("are exactly one, named and explained: Reporting's ReportDataParameter.value", () => {
    expect(CONTRACT_EXCEPTIONS.map((e) => `${e.module} ${e.schema}.${e.property}`)).toEqual(["reporting Reporting.V2.ReportDataParameter.value"]);
    for (const e of CONTRACT_EXCEPTIONS) expect(e.why.length).toBeGreaterThan(80);
  });

  it("is needed: the document as published refuses the values real reports take", async () => {
    const doc = loadDocument("reporting");
    const api = new OpenAPIBackend({ definition: structuredClone(doc), quick: true, validate: true, strict: true, ajvOpts: { strict: false, logger: false } });
    await api.init();
    const published: ContractApi = { api, apiRoot: "/reporting/v2", label: "reporting as published" };
    const check = checkRequest(published, dataRequest(REAL_VALUES));
    expect(check.operation?.operationId).toBe("ReportCategoryReports_GetData");
    expect(check.errors.join("\n")).toMatch(/value/);
  });

  it("admits text, numbers, true/false and lists of them, and still refuses an object or a nameless parameter", async () => {
    const contract = await contractApiFor("reporting");
    expect(checkRequest(contract, dataRequest(REAL_VALUES)).errors).toEqual([]);
    expect(checkRequest(contract, dataRequest([{ name: "From", value: { from: "2026-01-01" } }])).errors).not.toEqual([]);
    expect(checkRequest(contract, dataRequest([{ name: "Ids", value: [{ id: 1 }] }])).errors).not.toEqual([]);
    expect(checkRequest(contract, dataRequest([{ value: "x" }])).errors).not.toEqual([]);
  });

  it("stops applying when the document changes: a corrected field fails loudly for review", () => {
    const doc = structuredClone(loadDocument("reporting"));
    doc.components.schemas["Reporting.V2.ReportDataParameter"].properties.value = { type: ["string", "number"] };
    expect(() => applyContractExceptions("reporting", doc)).toThrow(/review the exception/);
    // other modules' documents are validated as published
    const crm = loadDocument("crm");
    expect(applyContractExceptions("crm", crm)).toBe(crm);
  });
});
