import { A, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { RENOVATION_STAGES, stageOf, type RenovationStage } from '../../domain/moves/renovation-list';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import { officeToday } from '../../store/queries/moves';
import type { Office } from '../../store/office-api';
import { renovationsView } from '../../store/queries/renovations';
import './moves.css';

/**
 * 装修一览 (issue 20): every renovation with its unit, owner, contractor, works period and stage;
 * inspections due and works ending soon marked by the rule 今日 uses. Filters by stage and
 * building, kept in the address so a filtered list can be bookmarked or reopened.
 */
export function RenovationsPage(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ stage?: string; b?: string }>();
  const stage = (): RenovationStage | '' => (RENOVATION_STAGES.includes(params.stage as RenovationStage) ? (params.stage as RenovationStage) : '');
  const building = () => params.b ?? '';
  const today = createLive(() => props.office, (o) => officeToday(o.db), '');
  const view = createLive(
    () => ({ stage: stage(), building: building(), today: today() }),
    (q) => renovationsView(props.office.db, { stage: q.stage, building: q.building }, q.today),
    null,
  );
  const stageWord = (s: RenovationStage) => (s === 'refunded' ? t('renoList.refunded') : t(`reno.status.${s}`));
  return (
    <main class="page wide renovations-page">
      <A href="/units" class="back">← {t('units.title')}</A>
      <h1>{t('renoList.title')}</h1>
      <div class="row-fields reno-filters" role="group" aria-label={t('renoList.filters')}>
        <label>
          {t('renoList.stage')}
          <select name="stage" value={stage()} onChange={(e) => setParams({ stage: e.currentTarget.value || undefined }, { replace: true })}>
            <option value="">{t('renoList.allStages')}</option>
            <For each={RENOVATION_STAGES}>{(s) => <option value={s}>{stageWord(s)}</option>}</For>
          </select>
        </label>
        <label>
          {t('renoList.building')}
          <select name="building" value={building()} onChange={(e) => setParams({ b: e.currentTarget.value || undefined }, { replace: true })}>
            <option value="">{t('renoList.allBuildings')}</option>
            <For each={view()?.buildings ?? []}>{(b) => <option value={b} selected={b === building()}>{t('units.building', { building: b })}</option>}</For>
          </select>
        </label>
      </div>
      <Show when={view()} fallback={<p>{t('common.loading')}</p>}>
        {(v) => (
          <>
            <p class="muted" data-testid="reno-count">{t('renoList.count', { n: v().rows.length })}</p>
            <Show when={v().rows.length} fallback={<p class="empty">{t('renoList.none')}</p>}>
              <ul class="plain reno-list" data-testid="reno-list">
                <For each={v().rows}>
                  {(r) => (
                    <li class="card reno-row" classList={{ attention: r.inspectionDueNow || r.endingSoon }} data-number={r.number} data-stage={stageOf(r)}>
                      <div class="reno-head">
                        <A href={`/renovations/${r.id}`}><strong>{r.unitCode}</strong> · {r.number}</A>
                        <span class="chip status">{stageWord(stageOf(r))}</span>
                        <Show when={r.inspectionDueNow}><span class="chip urgent" data-testid="reno-inspect-due">{t('renoList.inspectionDue', { day: r.inspectionDue })}</span></Show>
                        <Show when={r.endingSoon}><span class="chip tag" data-testid="reno-ending">{t('renoList.endingSoon', { day: r.end })}</span></Show>
                      </div>
                      <dl class="reno-facts-line">
                        <div><dt>{t('renoList.owner')}</dt><dd>{r.customerName}</dd></div>
                        <div><dt>{t('renoList.contractor')}</dt><dd>{r.contractor}</dd></div>
                        <div><dt>{t('renoList.period')}</dt><dd>{t('moves.period', { from: r.start, to: r.end })}</dd></div>
                      </dl>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </main>
  );
}
