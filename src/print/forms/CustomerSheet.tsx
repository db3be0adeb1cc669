import { useSearchParams } from '@solidjs/router';
import { For } from 'solid-js';
import { customerFromRecord, type Customer } from '../../domain/customers/customer';
import { maskIdNumber, maskPhone } from '../../domain/mask';
import { canonicalUnitCode } from '../../domain/units/unit-code';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { describeDate } from '../../shared/date-text';
import { formatPrintDate, PrintPage, usePrint } from '../PrintPage';
import { RecordForm, type FormSection } from '../RecordForm';
import { recordUrl } from '../RecordQr';
import { customersByIds, customersOfUnit } from '../../store/queries/customers';

interface SheetData {
  customer: Customer;
  householdHead: string;
}

/**
 * The customers to print: `?id=a,b,c` (in that order) or `?unit=3-2-1101` (everyone of the
 * unit, by name). Read live: the projection rows are read first so that the query re-runs when
 * a record changes (or arrives by sync); the full records then come from the store.
 */
async function load(office: Office, ids: string, unit: string): Promise<SheetData[]> {
  const wanted = ids.split(',').map((s) => s.trim()).filter(Boolean);
  const code = unit ? canonicalUnitCode(unit) ?? unit : '';
  const rows = wanted.length
    ? await customersByIds(office.db, wanted)
    : (await customersOfUnit(office.db, code)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const heads = await customersByIds(office.db, rows.map((r) => r.householdOf || r.id));
  // The Dexie reads come first, so the live query knows which rows to watch.
  const records = await Promise.all(rows.map((row) => office.read('directory', 'customers', row.id)));
  const out: SheetData[] = [];
  rows.forEach((row, i) => {
    const record = records[i];
    if (record) out.push({ customer: customerFromRecord(row.id, record), householdHead: row.householdOf ? heads[i]?.name ?? '' : '' });
  });
  return out;
}

/** 客户信息登记表: one customer per sheet, every field, ID and phones masked, signature lines and a QR code. */
export function CustomerSheet(props: { office: Office }) {
  const [params] = useSearchParams<{ id?: string; unit?: string }>();
  const sheets = createLive(
    () => ({ ids: params.id ?? '', unit: params.unit ?? '' }),
    (q) => load(props.office, q.ids, q.unit),
    null,
  );
  const backHref = () => {
    const s = sheets();
    return s?.length === 1 ? `/customers/${s[0].customer.id}` : '/customers';
  };
  return (
    <PrintPage office={props.office} title={t('form.customerSheet')} orientation="portrait" ready={sheets() !== null} backHref={backHref()}
      papers={sheets()?.map((s) => ({ form: 'customer', ref: `customers/${s.customer.id}`, title: `${t('form.customerSheet')} · ${s.customer.name}` }))}>
      <For each={sheets() ?? []} fallback={<p class="empty">{t('customers.notFound')}</p>}>
        {(s) => <CustomerSheetForm data={s} />}
      </For>
    </PrintPage>
  );
}

function CustomerSheetForm(props: { data: SheetData }) {
  const print = usePrint();
  const c = () => props.data.customer;
  const sections = (): FormSection[] => {
    const x = c();
    return [
      {
        title: t('form.customerSheet.basic'),
        fields: [
          { label: t('customers.name'), value: x.name },
          { label: t('customers.gender'), value: x.gender ? t(`gender.${x.gender}`) : '' },
          { label: t('customers.kind'), value: t(`kind.${x.kind}`) },
          { label: t('customers.grade'), value: t(`grade.${x.grade}`) },
          { label: t('customers.idNumber'), value: x.idNumber ? maskIdNumber(x.idNumber) : '' },
          { label: t('customers.phones'), value: x.phones.map(maskPhone).join(' / ') },
          { label: t('customers.wechat'), value: x.wechat },
          { label: t('customers.email'), value: x.email },
          { label: t('customers.employer'), value: x.employer },
          { label: t('customers.occupation'), value: x.occupation },
          { label: t('customers.address'), value: x.address, wide: true },
        ],
      },
      {
        title: t('form.customerSheet.housing'),
        fields: [
          { label: t('customers.unit'), value: x.unitCode },
          { label: t('customers.unitRelation'), value: x.unitCode ? t(`relation.${x.unitRelation}`) : '' },
          { label: t('customers.householdOf'), value: x.householdOf ? props.data.householdHead : t('customers.householdNone') },
          { label: t('customers.householdRelation'), value: x.householdRelation ? t(`household.${x.householdRelation}`) : '' },
          { label: t('customers.extraUnits'), value: x.extraUnits.map((u) => `${u.unitCode}（${t(`relation.${u.relation}`)}）`).join('，'), wide: true },
        ],
      },
      {
        title: t('form.customerSheet.other'),
        fields: [
          { label: t('customers.dates'), value: x.dates.map((d) => `${t(`date.${d.kind}`)} ${describeDate(d)}`).join('；'), wide: true },
          { label: t('customers.tags'), value: x.tags.join('、') },
          { label: t('field.consent'), value: x.consent ? t('common.yes') : t('customers.consentNo') },
          { label: t('customers.preferences'), value: x.preferences, wide: true, lines: 2 },
          { label: t('customers.notes'), value: x.notes, wide: true, lines: 4 },
          { label: t('form.customerSheet.registeredAt'), value: x.createdAt ? formatPrintDate(new Date(x.createdAt)) : '' },
          { label: t('form.customerSheet.updatedAt'), value: x.updatedAt ? formatPrintDate(new Date(x.updatedAt)) : '' },
        ],
      },
    ];
  };
  return (
    <RecordForm
      recordId={c().id}
      title={t('form.customerSheet')}
      url={recordUrl(`customers/${c().id}`)}
      number={c().id}
      meta={[
        { label: t('print.office'), value: print.officeName() },
        { label: t('print.madeOn'), value: formatPrintDate(print.printedAt(), false) },
      ]}
      sections={sections()}
      signatures={[
        { label: t('form.customerSheet.registrar') },
        { label: t('form.customerSheet.customerSignature') },
        { label: t('print.date'), date: true },
      ]}
    />
  );
}
