import { A, useParams, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { handoverFromRecord, handoverShard } from '../../domain/moves/handover';
import { t } from '../../i18n';
import { movesPrintLinks } from '../../print/links';
import { createLive } from '../../shared/bindings/live';
import { createRecord } from '../../shared/bindings/record';
import type { Office } from '../../store/office-api';
import { handoverRow } from '../../store/queries/moves';
import { PaperPanel } from '../papers/PaperPanel';
import { DefectPictures } from './DefectPictures';
import './moves.css';

/** One move-in handover: what was handed over and found, its printed form and whether it came back signed. */
export function HandoverPage(props: { office: Office }) {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ paper?: string }>();
  const row = createLive(() => params.id, (id) => handoverRow(props.office.db, id), undefined);
  return (
    <main class="page">
      <Show when={row()} fallback={<p class="empty">{t('units.notFound')}</p>}>
        {(r) => {
          const record = createRecord(props.office, handoverShard(r()), 'handovers', r().id);
          const h = () => { const x = record(); return x ? handoverFromRecord(r().id, x) : null; };
          return (
            <>
              <div class="page-head">
                <h1>{t('moves.handover')} {r().number}</h1>
                <A href={movesPrintLinks.handover(r().id)} class="button primary">{t('moves.printHandover')}</A>
              </div>
              <Show when={h()}>
                {(x) => (
                  <dl class="reno-facts card" data-testid="handover-facts">
                    <dt>{t('units.code')}</dt><dd>{x().unitCode}</dd>
                    <dt>{t('moves.customer')}</dt><dd><A href={`/customers/${x().customerId}`}>{x().customerName}</A> · {t(`moves.role.${x().role}`)}</dd>
                    <dt>{t('moves.day')}</dt><dd>{x().day}</dd>
                    <dt>{t('moves.keys')}</dt><dd>{x().keys}</dd>
                    <dt>{t('moves.readings')}</dt><dd>{x().meters.map((m) => `${t(`moves.meter.${m}`)} ${x().readings[m] || '—'}`).join(' · ')}</dd>
                    <dt>{t('moves.defectList')}</dt>
                    <dd>
                      <For each={x().defects} fallback={t('moves.noDefects')}>
                        {(d) => <div>{d.text} · <A href={`/requests/${d.requestId}`}>{d.requestNumber}</A> <span class="chip">{t('moves.warranty')}</span></div>}
                      </For>
                    </dd>
                  </dl>
                )}
              </Show>
              <Show when={h()}>
                {(x) => <Show when={x().defects.length}><DefectPictures office={props.office} handover={x()} record={record()} /></Show>}
              </Show>
              <PaperPanel office={props.office} refPath={`handovers/${r().id}`} forms={['handover']} highlight={search.paper} />
            </>
          );
        }}
      </Show>
    </main>
  );
}
