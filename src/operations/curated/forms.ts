/**
 * Curated words for ServiceTitan Forms (module "forms"), one entry per operation keyed by
 * operationId: forms and their submissions. The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";

export const curation: ModuleCuration = {
  Jobs_Get: {
    key: "downloadFormJobAttachment",
    label: "Download Job Attachment (Forms)",
    description:
      "Downloads one file attached to a job (a photo, a signed form) from ServiceTitan Forms, as file data with its content type. Calls GET /jobs/attachment/{id} (scope tn.frm.jobs:r).",
  },
  Jobs_CreateAttachment: {
    key: "createFormJobAttachment",
    label: "Upload Job Attachment (Forms)",
    description:
      "Uploads a file (a photo, a PDF) and attaches it to a job in ServiceTitan Forms. Calls POST /jobs/{id}/attachments (scope tn.frm.jobs:w).",
  },
  Jobs_GetJobAttachments: {
    key: "listFormJobAttachments",
    label: "List Job Attachments (Forms)",
    description:
      "Lists the files attached to a job (photos, signed forms) from ServiceTitan Forms, with their IDs for Download Job Attachment (Forms). Calls GET /jobs/{jobId}/attachments (scope tn.frm.jobs:r).",
  },
};
