/**
 * Reference data served by the generic handler: technicians, employees, business units, user roles,
 * tag types (settings), campaigns (marketing), call reasons (jbce). These fallbacks give the routes
 * when the generated catalog is absent; with it, the generated descriptors drive the same collections.
 */
import type { RouteDef } from "../router";
import { K } from "../store";
import { fallback } from "./common";

export const referenceRoutes = (): RouteDef[] => [
  fallback("settings", "GET", "/technicians", "list"),
  fallback("settings", "POST", "/technicians", "create"),
  fallback("settings", "GET", "/technicians/{id}", "get"),
  fallback("settings", "PATCH", "/technicians/{id}", "update"),
  fallback("settings", "GET", "/export/technicians", "export"),
  fallback("settings", "GET", "/employees", "list"),
  fallback("settings", "GET", "/employees/{id}", "get"),
  fallback("settings", "GET", "/business-units", "list"),
  fallback("settings", "GET", "/business-units/{id}", "get"),
  fallback("settings", "PATCH", "/business-units/{id}", "update"),
  fallback("settings", "GET", "/export/business-units", "export"),
  fallback("settings", "GET", "/user-roles", "list"),
  fallback("settings", "GET", "/tag-types", "list"),
  fallback("settings", "POST", "/tag-types", "create"),
  fallback("settings", "PATCH", "/tag-types/{id}", "update"),
  fallback("settings", "GET", "/export/tag-types", "export"),
  fallback("marketing", "GET", "/campaigns", "list"),
  fallback("marketing", "POST", "/campaigns", "create"),
  fallback("marketing", "GET", "/campaigns/{id}", "get"),
  fallback("marketing", "PATCH", "/campaigns/{id}", "update"),
  // Call reasons live in the JBCE API (https://api.servicetitan.io/jbce/v2), outside the generated modules.
  fallback("jbce", "GET", "/call-reasons", "list", K.callReasons),
];
