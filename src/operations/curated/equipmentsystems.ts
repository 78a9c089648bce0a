/**
 * Curated words for ServiceTitan Equipment Systems (module "equipmentsystems"), one entry per operation keyed by operationId.
 * Installed equipment keeps the action and input keys of the earlier component (seed parity, test/seed),
 * including the File Name of attachment uploads.
 */
import type { ModuleCuration } from "./types";
import { DATE_TIME, field, id, ids, list } from "./words";

export const curation: ModuleCuration = {
  // ---- installed equipment -------------------------------------------------------------------------------------
  InstalledEquipment_Create: {
    key: "createInstalledEquipment",
    label: "Create Installed Equipment",
    inputs: {
      "body.locationId": id("locationId", "Location ID"),
      "body.name": field("name", "Name", "Rooftop AC unit"),
      "body.installedOn": field("installedOn", "Installed On", DATE_TIME),
      "body.serialNumber": field("serialNumber", "Serial Number", "SN-4471-992"),
      "body.memo": field("memo", "Memo", "Installed with new thermostat."),
      "body.manufacturer": field("manufacturer", "Manufacturer", "Carrier"),
      "body.model": field("model", "Model", "24ACC636A003"),
      "body.cost": field("cost", "Cost", "3450.00"),
      "body.manufacturerWarrantyStart": field("manufacturerWarrantyStart", "Manufacturer Warranty Start", DATE_TIME),
      "body.manufacturerWarrantyEnd": field("manufacturerWarrantyEnd", "Manufacturer Warranty End", "2036-01-15T09:30:00Z"),
      "body.serviceProviderWarrantyStart": field("serviceProviderWarrantyStart", "Service Provider Warranty Start", DATE_TIME),
      "body.serviceProviderWarrantyEnd": field("serviceProviderWarrantyEnd", "Service Provider Warranty End", "2027-01-15T09:30:00Z"),
      "body.customFields": field("customFields", "Custom Fields", JSON.stringify([{ typeId: 1234567, value: "Roof access" }])),
      "body.attachments": field(
        "attachments",
        "Attachments",
        JSON.stringify([{ type: "Document", url: "https://example.com/manual.pdf" }]),
      ),
      "body.tagTypeIds": ids("tagTypeIds", "Tag Type IDs"),
    },
  },
  InstalledEquipment_PostAttachment: {
    key: "createInstalledEquipmentAttachment",
    label: "Create Installed Equipment Attachment",
    inputs: {
      "body.file": field("file", "Attachment File", undefined, {
        required: true,
        comments: {
          add: "Required here: an upload without a file has nothing to store. The file is sent as a multipart/form-data part named file.",
        },
      }),
      fileName: {
        label: "File Name",
        required: true,
        comments: {
          replace:
            "Name of the file as ServiceTitan stores it, with its extension, such as warranty.csv. Sent as the file part's filename.",
        },
        example: "warranty.csv",
      },
    },
  },
  InstalledEquipment_Get: {
    key: "getInstalledEquipment",
    label: "Get Installed Equipment",
    inputs: { "path.id": id("installedEquipmentId", "Installed Equipment ID") },
  },
  InstalledEquipment_GetList: list("listInstalledEquipment", "List Installed Equipment"),
  InstalledEquipment_Get2: {
    key: "listInstalledEquipmentAttachments",
    // The seed's label stays (seed parity); the description says what it does: one file downloaded.
    label: "List Installed Equipment Attachments",
    description:
      "Downloads one installed equipment attachment from ServiceTitan Equipment Systems and returns its file content (the bytes and their content type), for a following step to store or send. Attachment Path says which file; ServiceTitan's contract marks it optional. Calls GET /installed-equipment/attachments (scope tn.eqs.installedequipment:r).",
    inputs: {
      "query.path": field("path", "Attachment Path", "InstalledEquipment/Documents/manual.pdf", {
        comments: {
          replace:
            "Where the attachment is stored, as returned by Create Installed Equipment Attachment (its path field) or listed in an installed equipment's attachments.",
        },
      }),
    },
  },
  InstalledEquipment_Update: {
    key: "updateInstalledEquipment",
    label: "Update Installed Equipment",
    inputs: {
      "path.id": id("installedEquipmentId", "Installed Equipment ID"),
      "body.name": field("name", "Name", "Rooftop AC unit"),
      "body.memo": field("memo", "Memo", "Replaced contactor."),
      "body.cost": field("cost", "Cost", "3450.00"),
    },
  },
};
