import { emptyFilter, filterFromRecord, type ResidentFilter } from '../../domain/residents/filter';

/** A filter in an address (print previews, a reload): JSON, only the fields that filter. */
export function filterToParam(f: ResidentFilter): string {
  const set = Object.fromEntries(Object.entries(f).filter(([, v]) => (Array.isArray(v) ? v.length : !!v)));
  return Object.keys(set).length ? JSON.stringify(set) : '';
}

export function filterFromParam(p: string | undefined): ResidentFilter {
  if (!p) return emptyFilter();
  try {
    return filterFromRecord(JSON.parse(p));
  } catch {
    return emptyFilter();
  }
}
