/**
 * Curated words for ServiceTitan Settings (module "settings"), one entry per operation keyed by operationId.
 * Technicians, business units and user roles keep the action and input keys of the earlier component
 * (seed parity, test/seed); other entries give clearer labels and descriptions.
 */
import type { ModuleCuration } from "./types";
import { field, id, list } from "./words";

export const curation: ModuleCuration = {
  // ---- business units ------------------------------------------------------------------------------------------
  BusinessUnits_GetList: list("listBusinessUnits", "List Business Units"),

  // ---- employees -----------------------------------------------------------------------------------------------
  Employees_AccountActions: {
    label: "Run Employee Account Action",
    description:
      "Runs an action on an office employee's ServiceTitan sign-in: activate, deactivate, send an invitation or send a password reset link. Calls POST /employees/{id}/account-actions (scope tn.stt.employees:w).",
  },

  // ---- technicians ---------------------------------------------------------------------------------------------
  Technicians_Create: {
    key: "createTechnician",
    label: "Create Technician",
    inputs: {
      "body.name": field("name", "Name", "Sam Rivera"),
      "body.accountCreationMethod": field("accountCreationMethod", "Account Creation Method", "SendInvite"),
      "body.roleId": id("roleId", "Role ID"),
      "body.positions": field("positions", "Positions", "Service"),
      "body.licenseType": field("licenseType", "License Type", "ManagedTech"),
      "body.aadUserId": field("aadUserId", "Azure Active Directory User ID", "6B29FC40-CA47-1067-B31D-00DD010662DA"),
      "body.bio": field("bio", "Biography", "NATE-certified HVAC technician."),
      "body.burdenRate": field("burdenRate", "Burden Rate", "18.50"),
      "body.businessUnitId": id("businessUnitId", "Business Unit ID"),
      "body.customFields": field("customFields", "Custom Fields", JSON.stringify([{ typeId: 1234567, value: "Van 12" }])),
      "body.dailyGoal": field("dailyGoal", "Daily Goal", "1500"),
      "body.email": field("email", "Email", "sam.rivera@example.com"),
      "body.home": field("home", "Home Address", JSON.stringify({ street: "88 Oak Ave", city: "Pasadena", state: "CA", zip: "91101", country: "USA" })),
      "body.jobFilter": field("jobFilter", "Job Filter", "AllScheduledDispatchedWorking"),
      "body.jobHistoryDateFilter": field("jobHistoryDateFilter", "Job History Date Filter", "LastSevenDays"),
      "body.login": field("login", "Login Username", "srivera"),
      "body.memo": field("memo", "Memo", "Prefers north-side routes."),
      "body.password": field("password", "Password", "Temp-Passw0rd-2026"),
      "body.phoneNumber": field("phoneNumber", "Phone Number", "555-201-3344"),
      "body.team": field("team", "Team", "HVAC North"),
    },
  },
  Technicians_Update: {
    key: "updateTechnician",
    label: "Update Technician",
    inputs: {
      "path.id": id("technicianId", "Technician ID"),
      "body.name": field("name", "Name", "Sam Rivera"),
      "body.team": field("team", "Team", "HVAC South"),
    },
  },
  Technicians_GetList: list("listTechnicians", "List Technicians"),
  Technicians_Get: { key: "getTechnician", label: "Get Technician", inputs: { "path.id": id("technicianId", "Technician ID") } },
  Technicians_AccountActions: {
    label: "Run Technician Account Action",
    description:
      "Runs an action on a technician's ServiceTitan sign-in: activate, deactivate, send an invitation or send a password reset link. Calls POST /technicians/{id}/account-actions (scope tn.stt.technicians:w).",
  },

  // ---- user roles ----------------------------------------------------------------------------------------------
  UserRoles_GetList: list("listUserRoles", "List User Roles"),
};
