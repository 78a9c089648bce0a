/**
 * Which data source fills which ID input. One table, used by the action factory (generated actions),
 * hand-written actions and triggers alike; test/dataSources/links.test.ts walks every action input and
 * checks each input named here is linked (and lists ID inputs that have no data source, for review).
 *
 * Only keys of data sources the component ships belong here (src/dataSources/keys.ts). Left out on
 * purpose: Scheduling Pro routers (`routerId`: no operation lists routers); `soldById`, which may name
 * an office employee as well as a technician — a technician-only dropdown would hide the employees, and
 * employees have no dropdown.
 */
export const DATA_SOURCE_FOR_INPUT: Record<string, string> = {
  callReasonId: "selectCallReason",
  customerId: "selectCustomers",
  customerIds: "selectCustomers",
  locationId: "selectLocation",
  locationIds: "selectLocation",
  jobId: "selectJob",
  jobIds: "selectJob",
  appointmentId: "selectAppointment",
  appointmentIds: "selectAppointment",
  jobAppointmentId: "selectAppointment",
  technicianId: "selectTechnician",
  technicianIds: "selectTechnician",
  preferredTechnicianId: "selectTechnician",
  invoiceId: "selectInvoice",
  appliedToInvoiceIds: "selectInvoice",
  adjustmentToId: "selectInvoice",
  projectId: "selectProject",
  bookingId: "selectBooking",
  installedEquipmentId: "selectInstalledEquipment",
  businessUnitId: "selectBusinessUnit",
  businessUnitIds: "selectBusinessUnit",
  jobTypeId: "selectJobType",
  campaignId: "selectCampaign",
  tagTypeId: "selectTagType",
  tagTypeIds: "selectTagType",
  roleId: "selectUserRole",
  bookingProvider: "selectBookingProviderTag",
  bookingProviderTagId: "selectBookingProviderTag",
  jobCancelReasonId: "selectJobCancelReason",
  jobHoldReasonId: "selectJobHoldReason",
  customerContactId: "selectCustomerContact",
  schedulerId: "selectScheduler",
};

/** Where an input lives: "<module> <METHOD> <path>", e.g. "jpm PUT /jobs/{id}/cancel". */
export interface OperationWhere {
  module: string;
  method: string;
  path: string;
}

export interface ScopedLink {
  /** Matched against "<module> <METHOD> <path>". */
  where: RegExp;
  dataSource: string;
}

/**
 * Input keys whose meaning depends on the operation: the first matching rule wins; an operation that
 * matches no rule gets no dropdown (a wrong list is worse than none).
 */
export const SCOPED_DATA_SOURCES: Record<string, ScopedLink[]> = {
  // a job is canceled with a cancel reason, an appointment (or job) is put on hold with a hold reason
  reasonId: [
    { where: /^jpm PUT \/jobs\/\{id\}\/cancel$/, dataSource: "selectJobCancelReason" },
    { where: /^jpm PUT \/(appointments|jobs)\/\{id\}\/hold$/, dataSource: "selectJobHoldReason" },
  ],
  // equipment attached to a job is installed equipment (elsewhere "equipment" may mean a pricebook item)
  equipmentId: [{ where: /^jpm \w+ \/jobs\/\{id\}\/equipment\/\{equipmentId\}$/, dataSource: "selectInstalledEquipment" }],
  equipmentIds: [
    { where: /^jpm \w+ \/jobs\/\{id\}\/equipment$/, dataSource: "selectInstalledEquipment" },
    { where: /^jpm GET \/jobs$/, dataSource: "selectInstalledEquipment" },
  ],
  // a customer's contact method (other `contactId`s are CRM contacts, booking or location contacts)
  contactId: [{ where: /^crm \w+ \/customers\/\{id\}\/contacts\/\{contactId\}$/, dataSource: "selectCustomerContact" }],
};

export const whereOf = (op: OperationWhere): string => `${op.module} ${op.method.toUpperCase()} ${op.path}`;

/**
 * The data source for an input key, if one exists among the component's data sources. Scoped keys
 * need the operation; without it they are not linked.
 */
export const dataSourceFor = (inputKey: string, available?: ReadonlySet<string>, op?: OperationWhere): string | undefined => {
  let key: string | undefined = DATA_SOURCE_FOR_INPUT[inputKey];
  if (!key && op && SCOPED_DATA_SOURCES[inputKey]) {
    const where = whereOf(op);
    key = SCOPED_DATA_SOURCES[inputKey].find((rule) => rule.where.test(where))?.dataSource;
  }
  if (!key) return undefined;
  return !available || available.has(key) ? key : undefined;
};
