/** Addresses of the print previews, for links from the app's pages (no imports: costs the list nothing). */
export const printLinks = {
  customerRegister: (building?: string) => `/print/customer-register${building ? `?building=${encodeURIComponent(building)}` : ''}`,
  /** One customer's sheet, or several in one go (each on its own page). */
  customers: (ids: string[]) => `/print/customer?id=${ids.map(encodeURIComponent).join(',')}`,
  customersOfUnit: (unitCode: string) => `/print/customer?unit=${encodeURIComponent(unitCode)}`,
};

/** Request forms: one or several requests (each on its own pages), today's new ones, and the registers. */
export const requestPrintLinks = {
  requests: (ids: string[]) => `/print/request?id=${ids.map(encodeURIComponent).join(',')}`,
  today: () => `/print/request?today=1`,
  serviceRegister: (from?: string, to?: string, team?: string) =>
    `/print/service-register?${new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}), ...(team ? { team } : {}) })}`,
  followupRegister: () => `/print/followup-register`,
  disputeRegister: () => `/print/dispute-register`,
};

/** 今日: greeting letters (one or a batch, optionally finishing the tasks they answer) and the day's work sheet. */
export const todayPrintLinks = {
  letter: (templateId: string, customerIds: string[], taskIds: string[] = []) =>
    `/print/letter?${new URLSearchParams({ template: templateId, customer: customerIds.join(','), ...(taskIds.length ? { task: taskIds.join(',') } : {}) })}`,
  worksheet: () => '/print/worksheet',
};

/** Corrective and preventive actions, the monthly case review and the annual report (issue 21). */
export const managerPrintLinks = {
  caseReview: (month: string) => `/print/case-review?month=${encodeURIComponent(month)}`,
  actionLetter: (id: string) => `/print/action-letter?id=${encodeURIComponent(id)}`,
  annual: (year: string) => `/print/annual-report?year=${encodeURIComponent(year)}`,
  annualOwners: (year: string) => `/print/annual-owners?year=${encodeURIComponent(year)}`,
};
