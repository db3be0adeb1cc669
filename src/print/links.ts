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

/** 个人业绩 (issue 21): one sheet per person for a period; everyone when no one is named. */
export const staffFigurePrintLink = (from: string, to: string, staffIds: string[] = []) =>
  `/print/staff-figures?${new URLSearchParams({ from, to, ...(staffIds.length ? { staff: staffIds.join(',') } : {}) })}`;
