import { For, Show } from 'solid-js';
import type { HistoryEntry } from '../../domain/history';
import { formatDateTime, t, tCode } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { allStaff } from '../../store/queries/staff';

const SHOWN = 30;

/**
 * The staff records' history, newest first: who added a profile, changed a role or team, set
 * or reset a PIN — each line with the name and device as recorded at that moment (never a PIN).
 */
export function StaffHistory(props: { office: Office }) {
  const entries = createLive(
    () => props.office,
    async (o) => {
      const staff = await allStaff(o.db);
      const all: (HistoryEntry & { of: string })[] = [];
      for (const s of staff) {
        const record = await o.read('office', 'staff', s.id);
        for (const e of (record?.history as HistoryEntry[] | undefined) ?? []) all.push({ ...e, of: s.name });
      }
      return all.sort((a, b) => b.at.localeCompare(a.at)).slice(0, SHOWN);
    },
    [],
  );
  return (
    <Show when={entries().length}>
      <section class="history staff-history" aria-labelledby="staff-history-title">
        <h2 id="staff-history-title">{t('staff.history')}</h2>
        <ol data-testid="staff-history">
          <For each={entries()}>
            {(e) => (
              <li>
                <time datetime={e.at}>{formatDateTime(e.at)}</time> <strong>{e.byName}</strong> <span class="device">{e.device}</span>{' '}
                <span>{tCode(e.action)}</span> · <span>{e.of}</span>
              </li>
            )}
          </For>
        </ol>
      </section>
    </Show>
  );
}
