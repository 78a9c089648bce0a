/**
 * Which data source fills which ID input. One table, used by the action factory (generated actions),
 * hand-written actions and triggers alike; test/dataSources/links.test.ts walks every action input and
 * checks each input named here is linked (and lists ID inputs that have no data source, for review).
 *
 * Only keys of data sources the component ships belong here (src/dataSources/keys.ts). ID inputs
 * without a dropdown are listed with their reason in src/inputs/noDropdown.ts (e.g. Scheduling Pro's
 * `routerId`: no operation lists routers). `soldById` and `projectManagerIds` take the technicians and
 * employees together: the contract calls the seller a technician, but tenants record office employees
 * as sellers too, and a technician-only dropdown would hide them.
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
  // the Lead dismiss reason is a call reason (the contract says so)
  dismissingReasonId: "selectCallReason",
  leadId: "selectLead",
  contactMethodId: "selectContactMethod",
  employeeId: "selectEmployee",
  soldById: "selectTechnicianOrEmployee",
  projectManagerIds: "selectTechnicianOrEmployee",
  zoneId: "selectZone",
  arrivalWindowId: "selectArrivalWindow",
  teamId: "selectTeam",
  technicianShiftId: "selectTechnicianShift",
  technicianSkillId: "selectTechnicianSkill",
  nonJobAppointmentId: "selectNonJobAppointment",
  projectStatusId: "selectProjectStatus",
  projectSubstatusId: "selectProjectSubStatus",
  subStatusId: "selectProjectSubStatus",
  projectTypeId: "selectProjectType",
  budgetCodeId: "selectBudgetCode",
  budgetCodeIds: "selectBudgetCode",
  segmentIds: "selectBudgetSegment",
  paymentTermId: "selectPaymentTerm",
  paymentTypeId: "selectPaymentType",
  paymentId: "selectPayment",
  paymentIds: "selectPayment",
  creditMemoId: "selectCreditMemo",
  creditMemoIds: "selectCreditMemo",
  bankDepositId: "selectBankDeposit",
  depositIds: "selectBankDeposit",
  journalEntryId: "selectJournalEntry",
  billId: "selectApBill",
  billIds: "selectApBill",
  inventoryBillIds: "selectInventoryBill",
  taxZoneId: "selectTaxZone",
  remittanceVendorId: "selectRemittanceVendor",
  equipmentTypeId: "selectEquipmentType",
  employeeTaskTypeId: "selectTaskType",
  employeeTaskTypeIds: "selectTaskType",
  employeeTaskSourceId: "selectTaskSource",
  employeeTaskSourceIds: "selectTaskSource",
  employeeTaskResolutionId: "selectTaskResolution",
  employeeTaskResolutionIds: "selectTaskResolution",
  reportedById: "selectTaskEmployee",
  involvedEmployeeIdList: "selectTaskEmployee",
  assigneeId: "selectEmployee",
  skillIds: "selectTechnicianSkill",
  // ---- the modules added with issue 16
  estimateId: "selectEstimate",
  estimateIds: "selectEstimate",
  createdFromEstimateId: "selectEstimate",
  estimateTemplateId: "selectEstimateTemplate",
  proposalTemplateId: "selectProposalTemplate",
  // estimates are sold by technicians as often as by office staff (see soldById)
  soldByEmployeeId: "selectTechnicianOrEmployee",
  purchaseOrderId: "selectPurchaseOrder",
  purchaseOrderIds: "selectPurchaseOrder",
  purchaseOrderTypeId: "selectPurchaseOrderType",
  purchaseOrderMarkupId: "selectPurchaseOrderMarkup",
  vendorId: "selectVendor",
  vendorIds: "selectVendor",
  receiptId: "selectReceipt",
  returnId: "selectReturn",
  returnTypeId: "selectReturnType",
  transferId: "selectTransfer",
  truckId: "selectTruck",
  warehouseId: "selectWarehouse",
  formId: "selectForm",
  formIds: "selectForm",
  membershipId: "selectMembership",
  membershipIds: "selectMembership",
  membershipTypeId: "selectMembershipType",
  recurringServiceId: "selectRecurringService",
  recurringServiceTypeId: "selectRecurringServiceType",
  recurringServiceEventId: "selectRecurringServiceEvent",
  // the customer location a membership's recurring services are done at
  recurringLocationId: "selectLocation",
  cancellationInvoiceId: "selectInvoice",
  cancellationBalanceInvoiceId: "selectInvoice",
  preferredTechnicianIds: "selectTechnician",
  materialId: "selectPricebookMaterial",
  discountsAndFeeId: "selectDiscountOrFee",
  materialMarkupId: "selectMaterialMarkup",
  rateSheetId: "selectRateSheet",
  payrollId: "selectPayroll",
  payrollIds: "selectPayroll",
  grossPayItemId: "selectGrossPayItem",
  payrollAdjustmentId: "selectPayrollAdjustment",
  activityCodeId: "selectActivityCode",
  // a payroll manager may be a technician or an office employee
  managerId: "selectTechnicianOrEmployee",
  payrollBusinessUnitId: "selectBusinessUnit",
  timesheetCodeId: "selectTimesheetCode",
  activityTypeId: "selectActivityType",
  activityCategoryId: "selectActivityCategory",
  locationFindingId: "selectFinding",
  // the job during which a finding was recorded
  sourceJobId: "selectJob",
  serviceAgreementId: "selectServiceAgreement",
  serviceAgreementIds: "selectServiceAgreement",
  // an inventory location is a warehouse or a truck
  inventoryLocationId: "selectInventoryLocation",
  inventoryLocationIds: "selectInventoryLocation",
  // Reporting: a report is addressed by its category (text ID) and its own ID (the Reporting picklists in src/dataSources/definitions.ts)
  reportCategory: "selectReportCategory",
  reportId: "selectReport",
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
  equipmentId: [
    { where: /^jpm \w+ \/jobs\/\{id\}\/equipment\/\{equipmentId\}$/, dataSource: "selectInstalledEquipment" },
    { where: /^pricebook \w+ \/equipment\//, dataSource: "selectPricebookEquipment" },
  ],
  equipmentIds: [
    { where: /^jpm \w+ \/jobs\/\{id\}\/equipment$/, dataSource: "selectInstalledEquipment" },
    { where: /^jpm GET \/jobs$/, dataSource: "selectInstalledEquipment" },
  ],
  // a customer's contact method (other `contactId`s are CRM contacts, booking or location contacts)
  contactId: [
    { where: /^crm \w+ \/customers\/\{id\}\/contacts\/\{contactId\}$/, dataSource: "selectCustomerContact" },
    { where: /^crm \w+ \/locations\/\{id\}\/contacts\/\{contactId\}$/, dataSource: "selectLocationContact" },
    { where: /^crm \w+ \/contacts(\/|$)/, dataSource: "selectContact" },
  ],
  // who a task or an invoice is assigned to: Task Management's own employee list; an office employee for invoices
  assignedToId: [
    { where: /^taskmanagement /, dataSource: "selectTaskEmployee" },
    { where: /^accounting /, dataSource: "selectEmployee" },
  ],
  assignedToIds: [{ where: /^accounting /, dataSource: "selectEmployee" }],
  // a task of Task Management (an invoice's tasks are another list)
  taskId: [{ where: /^taskmanagement /, dataSource: "selectTask" }],
  accountId: [{ where: /^accounting \w+ \/gl-accounts/, dataSource: "selectGlAccount" }],
  statusId: [{ where: /^jpm \w+ \/(projects|project-substatuses)(\/|$)/, dataSource: "selectProjectStatus" }],
  categoryId: [
    { where: /^marketing /, dataSource: "selectCampaignCategory" },
    { where: /^pricebook /, dataSource: "selectPricebookCategory" },
  ],
  // a pricebook category's parent is another pricebook category
  parentId: [{ where: /^pricebook \w+ \/categories(\/|$)/, dataSource: "selectPricebookCategory" }],
  costId: [{ where: /^marketing \w+ \/costs/, dataSource: "selectCampaignCost" }],
  // a payment's type (an invoice's typeId is an invoice type, which no operation lists)
  typeId: [
    { where: /^accounting \w+ \/payments/, dataSource: "selectPaymentType" },
    { where: /^inventory \w+ \/purchase-orders/, dataSource: "selectPurchaseOrderType" },
  ],
  // an inventory adjustment (payroll adjustments have their own key)
  adjustmentId: [{ where: /^inventory /, dataSource: "selectInventoryAdjustment" }],
  // Payroll's employees are technicians and office employees alike
  employeeIds: [{ where: /^payroll /, dataSource: "selectTechnicianOrEmployee" }],
  // a timesheet activity (elsewhere "activity" may be a payroll activity or a call's)
  activityId: [{ where: /^timesheets /, dataSource: "selectTimesheetActivity" }],
  // an inventory purchase-order request (Leads' requestId is an account-pairing request)
  requestId: [{ where: /^inventory /, dataSource: "selectPurchaseOrderRequest" }],
  // the stock template of a truck (Accounting's templateId is an invoice task template)
  templateId: [{ where: /^inventory /, dataSource: "selectInventoryTemplate" }],
  // a pricebook service (Leads' serviceId is a partner's service)
  serviceId: [{ where: /^pricebook /, dataSource: "selectPricebookService" }],
  // the inventory locations a transfer moves stock between
  fromLocationIds: [{ where: /^inventory \w+ \/transfers/, dataSource: "selectInventoryLocation" }],
  toLocationIds: [{ where: /^inventory \w+ \/transfers/, dataSource: "selectInventoryLocation" }],
  segmentId: [{ where: /^jpm \w+ \/work-breakdown-structure\//, dataSource: "selectBudgetSegment" }],
  // the custom fields a job type asks for are job custom fields
  customFieldTypeIds: [{ where: /^jpm \w+ \/job-types/, dataSource: "selectJobCustomFieldType" }],
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
