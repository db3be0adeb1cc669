import '../../i18n/notices';
import { For, Show } from 'solid-js';
import type { IncidentFigures } from '../../domain/incidents/report';
import { t } from '../../i18n';

/** 突发事件 in the monthly report (issue 20): the month's figures, then one line per incident. */
export function ReportIncidents(props: { figures: IncidentFigures | undefined }) {
  return (
    <Show when={props.figures}>
      {(f) => (
        <>
          <h2 class="report-h">{t('report.incidents')}</h2>
          <table class="register report-table" data-testid="report-incidents">
            <thead>
              <tr><th>{t('report.incidentsOpened')}</th><th>{t('report.incidentsClosed')}</th><th>{t('report.incidentCalls')}</th><th>{t('report.incidentToCallBack')}</th></tr>
            </thead>
            <tbody>
              <tr><td>{f().opened}</td><td>{f().closed}</td><td>{f().calls}</td><td>{f().toCallBack}</td></tr>
            </tbody>
          </table>
          <Show when={f().list.length} fallback={<p>{t('report.noIncidents')}</p>}>
            <table class="register report-table" data-testid="report-incident-list">
              <thead><tr><th>{t('incident.titleField')}</th><th>{t('incident.buildings')}</th><th>{t('report.incidentCalls')}</th><th>{t('incident.closedChip')}</th></tr></thead>
              <tbody>
                <For each={f().list}>{(i) => <tr><td class="wrap">{i.title}</td><td>{i.buildings.join('、')}</td><td>{i.calls}</td><td>{i.closed ? '✓' : '—'}</td></tr>}</For>
              </tbody>
            </table>
          </Show>
        </>
      )}
    </Show>
  );
}
