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

/** Moves (issue 20): the move-in handover form and the renovation rules with the owner's undertaking. */
export const movesPrintLinks = {
  handover: (id: string) => `/print/handover?id=${encodeURIComponent(id)}`,
  undertaking: (id: string) => `/print/renovation-undertaking?id=${encodeURIComponent(id)}`,
};
// Notices, incidents and lists of the people who live here (issue 20)
/** A list (its filter as JSON) as a call list or a register; a notice on the lobby board (A4 or A3), its call list and its register. */
export const residentPrintLinks = {
  callList: (filter: string) => `/print/resident-calls${filter ? `?f=${encodeURIComponent(filter)}` : ''}`,
  register: (filter: string) => `/print/resident-register${filter ? `?f=${encodeURIComponent(filter)}` : ''}`,
};
export const noticePrintLinks = {
  board: (id: string, size: 'A4' | 'A3') => `/print/notice-board?id=${encodeURIComponent(id)}&size=${size}`,
  callList: (id: string) => `/print/notice-calls?id=${encodeURIComponent(id)}`,
  register: (id: string) => `/print/notice-register?id=${encodeURIComponent(id)}`,
  callBacks: (id: string) => `/print/incident-callbacks?id=${encodeURIComponent(id)}`,
};
/** 个人业绩 (issue 21): one sheet per person for a period; everyone when no one is named. */
export const staffFigurePrintLink = (from: string, to: string, staffIds: string[] = []) =>
  `/print/staff-figures?${new URLSearchParams({ from, to, ...(staffIds.length ? { staff: staffIds.join(',') } : {}) })}`;
/** Corrective and preventive actions, the monthly case review and the annual report (issue 21). */
export const managerPrintLinks = {
  caseReview: (month: string) => `/print/case-review?month=${encodeURIComponent(month)}`,
  actionLetter: (id: string) => `/print/action-letter?id=${encodeURIComponent(id)}`,
  annual: (year: string) => `/print/annual-report?year=${encodeURIComponent(year)}`,
  annualOwners: (year: string) => `/print/annual-owners?year=${encodeURIComponent(year)}`,
};
