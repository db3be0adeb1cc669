/** Addresses of the print previews, for links from the app's pages (no imports: costs the list nothing). */
export const printLinks = {
  customerRegister: (building?: string) => `/print/customer-register${building ? `?building=${encodeURIComponent(building)}` : ''}`,
  /** One customer's sheet, or several in one go (each on its own page). */
  customers: (ids: string[]) => `/print/customer?id=${ids.map(encodeURIComponent).join(',')}`,
  customersOfUnit: (unitCode: string) => `/print/customer?unit=${encodeURIComponent(unitCode)}`,
};
