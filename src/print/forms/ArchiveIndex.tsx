import { useSearchParams } from '@solidjs/router';
import type { PaperRow } from '../../domain/papers/paper';
import { t } from '../../i18n';
import type { Office } from '../../store/office-api';
import { papersInBox } from '../../store/queries/papers';
import { createLive } from '../../shared/bindings/live';
import { FormTitle, formatPrintDate, PrintPage } from '../PrintPage';
import { RegisterTable } from '../RegisterTable';

/** 归档目录: what one box or binder holds, to put in its front (`?box=`). */
export function ArchiveIndex(props: { office: Office }) {
  const [params] = useSearchParams<{ box?: string }>();
  const rows = createLive(() => params.box ?? '', (box) => (box ? papersInBox(props.office.db, box) : Promise.resolve([])), null as PaperRow[] | null);
  const title = () => t('papers.indexTitle', { box: params.box ?? '' });
  return (
    <PrintPage office={props.office} title={title()} ready={rows() !== null} backHref="/papers">
      <FormTitle title={title()} meta={[{ label: t('papers.box'), value: params.box ?? '' }, { label: t('form.count'), value: String(rows()?.length ?? 0) }]} />
      <RegisterTable<PaperRow>
        label={title()}
        numbered
        rows={rows() ?? []}
        rowKey={(p) => p.id}
        columns={[
          { id: 'form', label: t('papers.formType'), width: '32mm', value: (p) => t(`paperform.${p.form}` as 'paperform.sign-in') },
          { id: 'title', label: t('papers.item'), wrap: true, value: (p) => p.title },
          { id: 'received', label: t('papers.received'), width: '32mm', value: (p) => (p.receivedAt ? formatPrintDate(new Date(p.receivedAt), false) : '') },
          // Pictures (issue 19): whether the signed paper's scan is kept in Linli too.
          { id: 'scan', label: t('papers.scanColumn'), width: '16mm', value: (p) => (p.scans?.length ? t('papers.hasScan') : t('papers.noScan')) },
          { id: 'note', label: t('form.note'), width: '16mm' },
        ]}
      />
    </PrintPage>
  );
}
