/**
 * Curated words for ServiceTitan Findings (module "findings"), one entry per operation keyed by
 * operationId: findings recorded on jobs. The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";

export const curation: ModuleCuration = {
  FindingAssets_Get: {
    key: "downloadFindingFile",
    inputs: {
      "query.path": {
        label: "File Path",
        comments: { replace: "Where the file is stored: a path from a finding's attachments, or the one Upload Finding File returned." },
        example: "Findings/2026/01/heat-exchanger-crack.jpg",
      },
    },
    label: "Download Finding File",
    description:
      "Downloads a file stored with findings (a photo of what the technician found) from ServiceTitan Findings, as file data with its content type; Path is the file path a finding attachment lists. Calls GET /assets (scope tn.fdgs.assets:r).",
  },
  FindingAssets_PostAttachment: {
    key: "uploadFindingFile",
    label: "Upload Finding File",
    description:
      "Uploads a file (a photo, a PDF) to ServiceTitan Findings and returns where it is stored, to attach to a finding with Create Finding Attachment. Calls POST /assets (scope tn.fdgs.assets:w).",
  },
};
