/** Inputs shared by the Scheduling Pro workflow actions. */
import { input } from "@prismatic-io/spectral";
import { checkDateRange, cleanLocalDateTime, cleanString, InputError } from "../../inputs/clean";
import { isTimeZone } from "../../inputs/dates";
import { dataSourceFor } from "../../inputs/links";
import { DATA_SOURCE_KEYS } from "../../dataSources/keys";

export const schedulerIdInput = input({
  label: "Scheduler ID",
  type: "string",
  required: false,
  dataSource: dataSourceFor("schedulerId", DATA_SOURCE_KEYS),
  comments: "The Scheduling Pro scheduler to read. Leave empty to include every scheduler of the tenant.",
  example: "sch-abc123",
  clean: cleanString("Scheduler ID", { maxLength: 200 }),
});

export const periodInputs = {
  createdOnOrAfter: input({
    label: "Sessions Created On or After",
    type: "string",
    required: true,
    comments: "Start of the period: sessions created at or after this moment, such as 2026-01-01, 01/01/2026 or 2026-01-01T00:00:00-05:00. Without an offset it is read in the connection's Time Zone (UTC unless set there): a date alone is midnight there.",
    example: "2026-01-01",
    clean: cleanLocalDateTime("Sessions Created On or After", { required: true }),
  }),
  createdBefore: input({
    label: "Sessions Created Before",
    type: "string",
    required: true,
    comments: "End of the period (exclusive): sessions created before this moment. Must be after the start.",
    example: "2026-02-01",
    clean: cleanLocalDateTime("Sessions Created Before", { required: true }),
  }),
};

/** The period's cross-input check: start before end. */
export const checkPeriod = (params: Record<string, unknown>): void =>
  checkDateRange("Sessions Created On or After", params.createdOnOrAfter, "Sessions Created Before", params.createdBefore);

/** IANA time zone used to place sessions in days, weeks and months. */
export const timeZoneInput = input({
  label: "Time Zone",
  type: "string",
  required: false,
  default: "UTC",
  comments: "IANA time zone in which days, weeks (starting Monday) and months are counted, such as America/Chicago. Empty means UTC.",
  example: "America/Chicago",
  clean: (value: unknown): string => {
    const zone = cleanString("Time Zone")(value) || "UTC";
    if (!isTimeZone(zone)) throw new InputError(`Time Zone: expected an IANA time zone such as America/Chicago, got "${zone}".`);
    return zone;
  },
});
