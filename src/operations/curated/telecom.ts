/**
 * Curated words for ServiceTitan Telecom (module "telecom"), one entry per operation keyed by operationId:
 * the tenant's phone calls — who called, which campaign number they dialled, which agent took the call,
 * how it was classified (booked, unbooked, excused, abandoned, not a lead) — and the audio of a call's
 * recording or voicemail.
 *
 * Telecom is the one document whose paths carry their API version: the current calls list is v3 (List
 * Calls), every other operation v2, the older v2 list included (List Calls (Older v2 List)); the generator
 * sets the descriptor's `version`, and descriptions name it ("Calls GET /calls of API v3 …").
 *
 * Live tenants answer a call ID that does not exist with 500, not 404 (api facts §12): the transport rule
 * rows in src/http/rules.ts add that to the error of the operations on one call.
 */
import { ADDRESS, closed, DATE_TIME, ORDER_DIRECTION } from "./words";
import type { InputWords, ModuleCuration } from "./types";

/** A call ID: a dropdown of recent calls (selectCall) with an example. */
const CALL_ID: InputWords = {
  key: "callId",
  label: "Call ID",
  comments: { replace: "The call, by its ServiceTitan ID (the id List Calls returns). A call ID that does not exist answers 500 on live tenants, not 404." },
  example: "66340700",
  dataSource: "selectCall",
};

/** The agent filters of both lists. */
const AGENT_FILTERS: Record<string, InputWords> = {
  "query.agentId": {
    label: "Agent ID",
    comments: { replace: "Only calls taken by this agent: the employee who answered or placed the call." },
    example: "4410031",
    dataSource: "selectEmployee",
  },
  "query.agentName": { label: "Agent Name", comments: { replace: "Only calls taken by the agent of this name, such as Morgan Patel." }, example: "Morgan Patel" },
  "query.agentIsExternal": {
    label: "Agent Is External",
    comments: { replace: "When true, only calls taken by agents outside the tenant's staff (an answering service); when false, only the tenant's own agents; empty: both." },
    example: "false",
  },
  "query.agentExternalId": {
    label: "Agent External ID",
    comments: { replace: "Only calls taken by the external agent with this ID in the answering service's own system." },
    example: "57568403",
  },
  "query.campaignId": { label: "Campaign ID", comments: { replace: "Only calls to the tracking numbers of this marketing campaign." }, example: "2210047" },
  "query.minDuration": { label: "Minimum Duration (Seconds)", comments: { replace: "Only calls that lasted at least this many seconds, such as 30 to leave out hang-ups." }, example: "30" },
  "query.phoneNumberCalled": { label: "Phone Number Called", comments: { replace: "Only calls to this number (digits, such as 6195550100): one of the tenant's tracking or office lines." }, example: "6195550100" },
};

/** The Calls_Update body's nested records, as complete examples. */
const CALL_CUSTOMER = JSON.stringify({
  id: 28451107,
  name: "Avery Anderson",
  address: JSON.parse(ADDRESS),
  contacts: [{ type: "MobilePhone", value: "6195550142", memo: "Caller's mobile" }],
});
const CALL_LOCATION = JSON.stringify({
  id: 28451109,
  name: "Anderson Residence",
  address: JSON.parse(ADDRESS),
  contacts: [{ type: "Phone", value: "6195550142", memo: "Home" }],
});

export const curation: ModuleCuration = {
  Calls_Calls: {
    key: "listCalls",
    label: "List Calls",
    description:
      "Lists the tenant's phone calls from ServiceTitan Telecom: caller and number dialled, campaign, agent, duration, how the call was classified and the job it booked. Filters by creation or change time, campaign, agent, caller, number called, minimum duration, call SID and tag. Returns one page (Page, Page Size), or every matching call with Fetch All. Calls GET /calls of API v3 (scope tn.tlc.calls:r).",
    inputs: {
      ...AGENT_FILTERS,
      "query.ids": { label: "Call IDs", comments: { replace: "Only these calls: up to 50 call IDs separated by commas." }, example: "66340700,66340701" },
      "query.callerPhoneNumber": { label: "Caller Phone Number", comments: { replace: "Only calls from this number (digits, such as 6195550142)." }, example: "6195550142" },
      "query.sid": { label: "Call SID", comments: { replace: "Only the call with this SID: the telephony provider's identifier of the call." }, example: "CA8f2b6c0d41e94a7fb3d5c2e1a0f97b64" },
      "query.tag": { label: "Tag", comments: { replace: "Only calls carrying this tag, by its name." }, example: "Residential" },
    },
  },
  Calls_GetCalls: {
    key: "listCallsV2",
    label: "List Calls (Older v2 List)",
    description:
      "Lists the tenant's phone calls with ServiceTitan Telecom's older v2 list, which ServiceTitan keeps for existing integrations: prefer List Calls (API v3) for new flows. Filters by creation or change time, campaign, agent, number called and minimum duration, sorted by Order By. Returns one page (Page, Page Size), or every matching call with Fetch All. Calls GET /calls (scope tn.tlc.calls:r).",
    inputs: {
      ...AGENT_FILTERS,
      "query.orderBy": closed({ Id: "ID", createdOn: "Created On", modifiedOn: "Modified On" }, { label: "Order By", example: "modifiedOn" }),
      "query.orderByDirection": closed(ORDER_DIRECTION, { label: "Order Direction", example: "desc" }),
      "query.activeOnly": { label: "Active Only", comments: { replace: "When true, only active calls; when false or empty, active and inactive calls alike." }, example: "true" },
      "query.ids": { label: "Call IDs", comments: { replace: "Only these calls: one call ID per row, or separated by commas." }, example: "66340700,66340701" },
    },
  },
  Calls_GetDetails: {
    key: "getCall",
    label: "Get Call",
    description:
      "Gets one phone call from ServiceTitan Telecom: when it was received, its direction and duration, caller, campaign, agent, classification, reason and the job it booked. A call ID that does not exist answers 500 on live tenants; the error says so. Calls GET /calls/{id} (scope tn.tlc.calls:r).",
    inputs: { "path.id": CALL_ID },
  },
  Calls_Update: {
    key: "updateCall",
    label: "Update Call",
    description:
      "Updates how a phone call is recorded in ServiceTitan Telecom: its classification (booked, unbooked, excused, abandoned, not a lead), the excuse memo, the call reason, campaign, agent, the job it booked and the customer and location it belongs to. Replaces the call's editable fields with the values given. Calls PUT /calls/{id} (scope tn.tlc.calls:w).",
    inputs: {
      "path.id": CALL_ID,
      "body.callId": { key: "bodyCallId", label: "Call ID (Again)", comments: { replace: "The same call as Call ID, when ServiceTitan should see it in the body too; empty: left out." }, example: "66340700", dataSource: "selectCall" },
      "body.callType": {
        label: "Call Type",
        comments: { replace: "How the call is classified: Booked (a job was booked), Unbooked (a lead that booked nothing), Excused (not bookable, with a memo), Abandoned (the caller hung up) or Not a Lead." },
        choices: { Abandoned: "Abandoned", Unbooked: "Unbooked", Excused: "Excused", Booked: "Booked", NotLead: "Not a Lead" },
        example: "Booked",
      },
      "body.excuseMemo": { label: "Excuse Memo", comments: { replace: "Why the call is excused from booking, such as a wrong number or a vendor calling." }, example: "Vendor calling about a parts delivery" },
      "body.campaignId": { label: "Campaign ID", comments: { replace: "The marketing campaign the call came in through." }, example: "2210047" },
      "body.jobId": { label: "Job ID", comments: { replace: "The job the call booked." }, example: "31204567" },
      "body.agentId": { label: "Agent ID", comments: { replace: "The employee who took the call." }, example: "4410031", dataSource: "selectEmployee" },
      "body.reason": {
        label: "Call Reason",
        comments: { replace: 'The reason the caller gave, by name, and whether it counts as a lead: such as {"name": "Price shopping", "lead": true}.' },
        example: JSON.stringify({ name: "Price shopping", lead: true }),
      },
      "body.customer": { label: "Customer", comments: { replace: "The customer the call belongs to: ID, name, address and contacts." }, example: CALL_CUSTOMER },
      "body.location": { label: "Location", comments: { replace: "The service location the call is about: ID, name, address and contacts." }, example: CALL_LOCATION },
      "body.tag": { label: "Tag", comments: { replace: "A tag name to put on the call." }, example: "Residential" },
    },
  },
  Calls_GetRecording: {
    key: "downloadCallRecording",
    label: "Download Call Recording",
    description:
      "Downloads the recording of a phone call from ServiceTitan Telecom as file data with its content type (audio, such as audio/mpeg), to store or pass to a transcription step. A call without a recording answers 404. Calls GET /calls/{id}/recording (scope tn.tlc.calls:r).",
    inputs: { "path.id": CALL_ID },
    examplePayload: { data: "ID3… (the recording's MP3 bytes)", contentType: "audio/mpeg" },
  },
  Calls_GetVoiceMail: {
    key: "downloadCallVoicemail",
    label: "Download Call Voicemail",
    description:
      "Downloads the voicemail a caller left from ServiceTitan Telecom as file data with its content type (audio, such as audio/mpeg). A call without a voicemail answers 404. Calls GET /calls/{id}/voicemail (scope tn.tlc.calls:r).",
    inputs: { "path.id": CALL_ID },
    examplePayload: { data: "ID3… (the voicemail's MP3 bytes)", contentType: "audio/mpeg" },
  },
  Export_Calls: {
    key: "exportCalls",
    label: "Export Calls",
    description:
      `Reads ServiceTitan Telecom's calls export feed: the calls created or changed since a continuation token (or a date such as ${DATE_TIME.slice(0, 10)}), each in its latest version, and the token to read on from. Calls GET /export/calls (scope tn.tlc.calls:r).`,
  },
};
