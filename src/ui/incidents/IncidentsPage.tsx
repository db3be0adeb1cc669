import { t } from '../../i18n';
import '../../i18n/notices';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { listIncidents } from '../../store/queries/incidents';
import { BoardListPage, RecordRow } from '../common/RecordList';
import { BoardNav } from '../notices/BoardNav';
import { boardLinks } from '../notices/links';
import '../residents/residents.css';
import '../residents/need-chips.css';

/** 突发事件: open ones first, then the closed, newest first. */
export function IncidentsPage(props: { office: Office }) {
  const rows = createLive(() => props.office, async (o) => (await listIncidents(o.db)).sort((a, b) => b.open - a.open), []);
  return (
    <BoardListPage title={t('incident.title')} newHref={boardLinks.newIncident()} newLabel={t('incident.new')} nav={<BoardNav />}
      rows={rows()} empty={t('incident.none')} testId="incident-list">
      {(i) => (
        <RecordRow class="resident-row" href={boardLinks.incident(i.id)} title={i.title}
          chips={<>
            <span class="chip">{t(`incidentKind.${i.kind}` as never)}</span>
            <span class={`chip ${i.open ? 'need' : 'status'}`}>{t(i.open ? 'incident.openChip' : 'incident.closedChip')}</span>
          </>}
          meta={<>{i.buildings.map((b) => t('units.building', { building: b })).join('、')} · {i.startsAt.replace('T', ' ')}{i.endsAt ? ` – ${i.endsAt.replace('T', ' ')}` : ''}</>} />
      )}
    </BoardListPage>
  );
}
