import { useSearchParams } from '@solidjs/router';
import type { PaperRow } from '../../domain/papers/paper';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { findPapers } from '../../store/queries/papers';
import { createLive } from '../../shared/bindings/live';
import { FormTitle, formatPrintDate, PrintPage } from '../PrintPage';
import { RegisterTable } from '../RegisterTable';

/** 归档目录: what one box or binder holds, to put in its front (`?box=`); or the archive searched by `&period=` and `&form=` too. */
export function ArchiveIndex(props: { office: Office }) {
  const [params] = useSearchParams<{ box?: string; period?: string; form?: string }>();
  const query = () => ({ box: params.box ?? '', period: params.period ?? '', form: params.form ?? '' });
  const rows = createLive(query, (q) => (q.box || q.period || q.form ? findPapers(props.office.db, { box: q.box || undefined, period: q.period || undefined, form: q.form || undefined }) : Promise.resolve([])), null as PaperRow[] | null);
  const formName = (f: string) => t(`paperform.${f}` as 'paperform.sign-in');
  const title = () => (params.box ? t('papers.indexTitle', { box: params.box }) : t('papers.archiveIndex'));
  const meta = () => [
    ...(params.box ? [{ label: t('papers.box'), value: params.box }] : []),
    ...(params.period ? [{ label: t('papers.period'), value: params.period }] : []),
    ...(params.form ? [{ label: t('papers.formType'), value: formName(params.form) }] : []),
    { label: t('form.count'), value: String(rows()?.length ?? 0) },
  ];
  return (
    <PrintPage office={props.office} title={title()} orientation="landscape" ready={rows() !== null} backHref="/papers">
      <FormTitle title={title()} meta={meta()} />
      <RegisterTable<PaperRow>
        label={title()}
        numbered
        rows={rows() ?? []}
        rowKey={(p) => p.id}
        columns={[
          { id: 'number', label: t('papers.number'), width: '30mm', value: (p) => p.number },
          { id: 'form', label: t('papers.formType'), width: '36mm', value: (p) => formName(p.form) },
          { id: 'title', label: t('papers.item'), wrap: true, value: (p) => p.title },
          { id: 'period', label: t('papers.period'), width: '22mm', value: (p) => p.period },
          ...(params.box ? [] : [{ id: 'box', label: t('papers.box'), width: '22mm', value: (p: PaperRow) => p.box || t(`paperstate.${p.state}`) }]),
          { id: 'received', label: t('papers.received'), width: '30mm', value: (p) => (p.receivedAt ? formatPrintDate(new Date(p.receivedAt), false) : '') },
          // Pictures (issue 19): whether the signed paper's scan is kept in Linli too.
          { id: 'scan', label: t('papers.scanColumn'), width: '16mm', value: (p) => (p.scans?.length ? t('papers.hasScan') : t('papers.noScan')) },
        ]}
      />
    </PrintPage>
  );
}
