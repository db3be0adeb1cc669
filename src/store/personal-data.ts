import { personalDataPolicyOf, setPersonalDataPolicy, type PersonalDataPolicy } from '../domain/customers/personal-data';
import { ok, type Result } from '../domain/result';
import type { StaffRole } from '../domain/staff/staff';
import type { Office } from './office-api';
import { myRole } from './devices';

/** Who may reveal and export full phone and ID numbers, as the office's settings say. */
export async function personalDataPolicy(office: Office): Promise<PersonalDataPolicy> {
  return personalDataPolicyOf((await office.db.settings.get('office'))?.data);
}

/** The facts a reveal or a full export is checked against: this tablet's person and the policy. */
export async function personalDataFacts(office: Office): Promise<{ role: StaffRole | undefined; policy: PersonalDataPolicy }> {
  const [role, policy] = await Promise.all([myRole(office), personalDataPolicy(office)]);
  return { role, policy };
}

/** A manager changes the policy. Resolves `true` once saved, `false` if nothing changed. */
export async function savePersonalDataPolicy(office: Office, next: PersonalDataPolicy): Promise<Result<boolean>> {
  await office.load('office');
  const made = setPersonalDataPolicy(next, await personalDataPolicy(office), office.context(), { role: (await myRole(office)) ?? '' });
  if (!made.ok) return made;
  if (!made.value) return ok(false);
  const saved = await office.run(made.value);
  return saved.ok ? ok(true) : saved;
}
