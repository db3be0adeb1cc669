import { createMemo } from 'solid-js';
import type { HistoryEntry } from '../../domain/history';
import { serviceSettingsFrom } from '../../domain/requests/settings';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { createRecord } from '../../shared/bindings/record';
import { allStaff, staffMember } from '../../store/queries/staff';
import { ServiceSettingsForm } from './ServiceSettingsForm';

/**
 * 设置 → 服务设置: working time, teams, and the categories with their dispatch team and time
 * limits. Everyone may look; only a manager edits (the domain command checks that too).
 * This is the loader (the stored record, its history, the staff, who is looking); the view is
 * `ServiceSettingsForm`.
 */
export function ServiceSettingsPage(props: { office: Office }) {
  const record = createRecord(props.office, 'office', 'settings', 'service');
  const stored = createMemo(() => (record() === undefined ? undefined : serviceSettingsFrom(record())));
  const history = () => ((record()?.history as HistoryEntry[] | undefined) ?? []);
  const me = createLive(() => props.office.config.staffId ?? '', (id) => staffMember(props.office.db, id), undefined);
  const staff = createLive(() => props.office, (o) => allStaff(o.db), []);
  return <ServiceSettingsForm office={props.office} stored={stored()} history={history()} staff={staff()} known={!!me()} canEdit={me()?.role === 'manager'} />;
}
