import '../../i18n/notices';
import { useSearchParams } from '@solidjs/router';
import type { CustomerRow } from '../../domain/customers/types';
import { maskPhone } from '../../domain/mask';
import { specialNeedsOf } from '../../domain/residents/needs';
import type { ResidentFilter } from '../../domain/residents/filter';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { residentsMatching } from '../../store/queries/residents';
import { FormTitle, formatPrintDate, PrintPage, usePrint } from '../PrintPage';
import { RegisterTable, type RegisterColumn } from '../RegisterTable';
import { filterFromRecord } from '../../domain/residents/filter';

/** The filter of the address, as the list page wrote it (`?f=<json>`). */
function filterOf(p: string | undefined): ResidentFilter {
  try {
    return filterFromRecord(p ? JSON.parse(p) : {});
  } catch {
    return filterFromRecord({});
  }
}

/** What the filter asks, in words, for the form's head (类型：租户；楼栋：3栋 …). */
function filterWords(f: ResidentFilter): string {
  const parts: string[] = [];
  if (f.kinds.length) parts.push(f.kinds.map((k) => t(`kind.${k}` as never)).join('、'));
  if (f.grades.length) parts.push(f.grades.map((g) => t(`grade.${g}` as never)).join('、'));
  if (f.buildings.length) parts.push(f.buildings.map((b) => t('units.building', { building: b })).join('、'));
  if (f.needs.length) parts.push(f.needs.map((n) => t(`need.${n}` as never)).join('、'));
  if (f.ageBands.length) parts.push(f.ageBands.map((a) => t(`age.${a}` as never)).join('、'));
  if (f.tags.length) parts.push(f.tags.join('、'));
  if (f.fromAfter || f.fromBefore) parts.push(`${t('residents.relationFrom')} ${f.fromAfter || '…'} – ${f.fromBefore || '…'}`);
  if (f.toAfter || f.toBefore) parts.push(`${t('residents.relationTo')} ${f.toAfter || '…'} – ${f.toBefore || '…'}`);
  return parts.join('；') || t('print.scopeAll');
}

function ResidentForm(props: { office: Office; title: string; columns: RegisterColumn<CustomerRow>[]; rowHeight: string }) {
  const [params] = useSearchParams<{ f?: string }>();
  const filter = () => filterOf(params.f);
  const rows = createLive(() => params.f ?? '', () => residentsMatching(props.office.db, filter(), new Date().getFullYear()), null as CustomerRow[] | null);
  return (
    <PrintPage office={props.office} title={props.title} ready={rows() !== null} backHref={`/residents${params.f ? `?f=${encodeURIComponent(params.f)}` : ''}`}>
      <Head title={props.title} scope={filterWords(filter())} count={rows()?.length ?? 0} />
      <RegisterTable columns={props.columns} rows={rows() ?? []} rowKey={(c) => c.id} numbered rowHeight={props.rowHeight} label={props.title} />
    </PrintPage>
  );
}

function Head(props: { title: string; scope: string; count: number }) {
  const print = usePrint();
  return (
    <FormTitle title={props.title} meta={[
      { label: t('print.scope'), value: props.scope },
      { label: t('notice.count'), value: String(props.count) },
      { label: t('print.madeOn'), value: formatPrintDate(print.printedAt(), false) },
    ]} />
  );
}

const needs = (c: CustomerRow) => specialNeedsOf(c.tags).map((n) => t(`need.${n}` as never)).join('、');

/** 电话名单: a list to phone down, with room for when and what was said. */
export function ResidentCallList(props: { office: Office }) {
  return (
    <ResidentForm office={props.office} title={t('residents.callList')} rowHeight="11mm" columns={[
      { id: 'unit', label: t('customers.unit'), width: '26mm', value: (c) => c.unitCode },
      { id: 'name', label: t('customers.name'), width: '26mm', value: (c) => c.name },
      { id: 'phone', label: t('customers.phones'), width: '36mm', value: (c) => c.phones.map(maskPhone).join(' / ') },
      { id: 'needs', label: t('residents.needs'), width: '24mm', value: needs },
      { id: 'at', label: t('notice.at'), width: '22mm' },
      { id: 'result', label: t('notice.result') },
    ]} />
  );
}

/** 住户登记表: the list with a column to sign (a meeting, a handout). */
export function ResidentRegister(props: { office: Office }) {
  return (
    <ResidentForm office={props.office} title={t('residents.register')} rowHeight="10mm" columns={[
      { id: 'unit', label: t('customers.unit'), width: '26mm', value: (c) => c.unitCode },
      { id: 'name', label: t('customers.name'), width: '26mm', value: (c) => c.name },
      { id: 'kind', label: t('residents.kind'), width: '18mm', align: 'center', value: (c) => t(`kind.${c.kind}` as never) },
      { id: 'tags', label: t('residents.tags'), width: '34mm', value: (c) => c.tags.join('、') },
      { id: 'signature', label: t('print.signature') },
    ]} />
  );
}
