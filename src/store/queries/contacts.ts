import type { ContactRow } from '../../domain/customers/contact';
import type { ReadonlyDB } from '../readonly-db';

/** One customer's contacts across every loaded year, newest first. */
export async function contactsOf(db: ReadonlyDB, customerId: string): Promise<ContactRow[]> {
  const rows = await db.contacts.where('customerId').equals(customerId).toArray();
  return rows.sort((a, b) => b.at.localeCompare(a.at));
}

