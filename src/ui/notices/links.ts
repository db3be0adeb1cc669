/** Addresses of the notices section: notices, incidents and the lists of residents (issue 20). */
export const boardLinks = {
  notices: () => '/notices',
  newNotice: () => '/notices/new',
  notice: (id: string) => `/notices/${encodeURIComponent(id)}`,
  incidents: () => '/incidents',
  newIncident: () => '/incidents/new',
  incident: (id: string) => `/incidents/${encodeURIComponent(id)}`,
  residents: () => '/residents',
};
