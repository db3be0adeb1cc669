import { useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Handover, Renovation } from '../../domain/moves/types';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { PrintPage } from '../PrintPage';
import { RecordForm, Signatures } from '../RecordForm';
import { recordUrl } from '../RecordQr';
import { loadHandover, loadRenovation, type PrintedHandover } from './moves-data';
import { PrintedPictures } from './printed-pictures';

/**
 * 入伙交接单 (moves, issue 20): the handover's number and QR code, who and which unit, the documents
 * signed, the keys handed with their count, the meter readings, the defects and their warranty
 * requests, and the lines the owner or tenant and the office sign on. Pressing 打印 marks the
 * paper printed; when it comes back signed it is marked 已签回 on the handover's page.
 */
const handoverPapers = (h: Handover | null | undefined) =>
  h ? [{ form: 'handover', ref: `handovers/${h.id}`, title: `${t('paperform.handover')} · ${h.unitCode} · ${h.number}` }] : undefined;
const undertakingPapers = (r: Renovation | null | undefined) =>
  r ? [{ form: 'renovation-undertaking', ref: `renovations/${r.id}`, title: `${t('paperform.renovation-undertaking')} · ${r.unitCode} · ${r.number}` }] : undefined;

export function HandoverForm(props: { office: Office }) {
  const [params] = useSearchParams<{ id?: string }>();
  const data = createLive(() => params.id ?? '', (id) => loadHandover(props.office, id), undefined as PrintedHandover | null | undefined);
  /** 问题 1 · BX-…: which defect a photo shows, as numbered in the defects section above it. */
  const defectOf = (h: PrintedHandover, item: string | undefined) => {
    const i = h.defects.findIndex((d) => d.requestId === item);
    return i < 0 ? '' : `${t('moves.defectN', { n: i + 1 })} · ${h.defects[i].requestNumber}`;
  };
  return (
    <PrintPage office={props.office} title={t('paperform.handover')} ready={data() !== undefined} backHref={params.id ? `/handovers/${params.id}` : '/units'}
      papers={handoverPapers(data())}>
      <Show when={data()} fallback={<p class="empty">{t('units.notFound')}</p>}>
        {(h) => (
          <RecordForm recordId={h().id} title={t('paperform.handover')} number={h().number} url={recordUrl(`handovers/${h().id}?paper=handover`)}
            meta={[{ label: t('moves.paperNumber'), value: h().number }, { label: t('moves.day'), value: h().day }]}
            sections={[
              {
                fields: [
                  { label: t('units.code'), value: h().unitCode },
                  { label: t('moves.customer'), value: `${h().customerName}（${t(`moves.role.${h().role}`)}）` },
                  ...(h().leaseEnd ? [{ label: t('moves.leaseEnd'), value: h().leaseEnd }] : []),
                ],
              },
              {
                title: t('moves.documents'),
                fields: h().documents.map((d) => ({ label: d.name, value: d.signed ? `☑ ${t('moves.signed')}` : `☐ ${t('moves.unsigned')}` })),
              },
              {
                title: `${t('moves.keys')} / ${t('moves.readings')}`,
                fields: [
                  { label: t('moves.keys'), value: String(h().keys) },
                  // The meters the office's checklist read at this handover.
                  ...h().meters.map((m) => ({ label: t(`moves.meter.${m}`), value: h().readings[m] || '—' })),
                ],
              },
              {
                title: t('moves.defectList'),
                fields: h().defects.length
                  ? h().defects.map((d, i) => ({ label: `${i + 1}. ${t('moves.warranty')}`, value: `${d.requestNumber}　${d.text}`, wide: true }))
                  : [{ label: t('moves.defectList'), value: t('moves.noDefects'), wide: true }],
              },
            ]}
            extra={<PrintedPictures db={props.office.db} pictures={h().pictures} title={t('moves.defectPhotosTitle')} label={(p) => defectOf(h(), p.item)} />}
            signatures={[{ label: t('moves.signCustomer') }, { label: t('moves.signStaff') }, { label: t('moves.signEngineer') }, { label: t('moves.day'), date: true }]}
          />
        )}
      </Show>
    </PrintPage>
  );
}

/** 装修管理规定及业主承诺书: the application's facts, the rules, the owner's undertaking and the lines to sign. */
export function RenovationUndertaking(props: { office: Office }) {
  const [params] = useSearchParams<{ id?: string }>();
  const data = createLive(() => params.id ?? '', (id) => loadRenovation(props.office, id), undefined as Renovation | null | undefined);
  const rules = ['reno.rule1', 'reno.rule2', 'reno.rule3', 'reno.rule4', 'reno.rule5', 'reno.rule6'] as const;
  return (
    <PrintPage office={props.office} title={t('paperform.renovation-undertaking')} ready={data() !== undefined} backHref={params.id ? `/renovations/${params.id}` : '/units'}
      papers={undertakingPapers(data())}>
      <Show when={data()} fallback={<p class="empty">{t('units.notFound')}</p>}>
        {(r) => (
          <>
            <RecordForm recordId={r().id} title={t('paperform.renovation-undertaking')} number={r().number} url={recordUrl(`renovations/${r().id}?paper=renovation-undertaking`)}
              meta={[{ label: t('moves.paperNumber'), value: r().number }]}
              sections={[{
                fields: [
                  { label: t('units.code'), value: r().unitCode },
                  { label: t('moves.customer'), value: r().customerName },
                  { label: t('reno.contractor'), value: `${r().contractor} ${r().contractorPhone}` },
                  { label: t('reno.workers'), value: String(r().workers) },
                  { label: t('reno.start'), value: t('moves.period', { from: r().start, to: r().end }) },
                  { label: t('reno.deposit'), value: String(r().deposit) },
                  { label: t('reno.scope'), value: r().scope, wide: true, lines: 2 },
                ],
              }]}
            />
            <section class="reno-rules" aria-label={t('reno.rules')}>
              <h3>{t('reno.rules')}</h3>
              <ol data-testid="reno-rules"><For each={rules}>{(k) => <li>{t(k)}</li>}</For></ol>
              <p><strong>{t('reno.pledge')}</strong></p>
              <Signatures lines={[{ label: t('reno.signOwner') }, { label: t('reno.signContractor') }, { label: t('reno.signOffice') }, { label: t('moves.day'), date: true }]} />
            </section>
          </>
        )}
      </Show>
    </PrintPage>
  );
}
