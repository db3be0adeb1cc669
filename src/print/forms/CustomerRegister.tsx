import { useSearchParams } from '@solidjs/router';
import { For } from 'solid-js';
import type { CustomerRow } from '../../domain/customers/customer';
import { maskPhone } from '../../domain/mask';
import { unitParts, unitSortKey } from '../../domain/units/unit';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import { printRef } from '../../domain/papers/paper';
import { FormTitle, formatPrintDate, PrintPage, usePrint } from '../PrintPage';
import { RegisterTable, type RegisterColumn } from '../RegisterTable';
import { allCustomers } from '../../store/queries/customers';

const buildingOf = (code: string) => (code ? unitParts(code).building : '');

/** Customers in the order of the estate: building, entrance, room; by name within a unit; no unit last. */
export function registerOrder(a: CustomerRow, b: CustomerRow): number {
  if (!a.unitCode !== !b.unitCode) return a.unitCode ? -1 : 1;
  return unitSortKey(a.unitCode).localeCompare(unitSortKey(b.unitCode)) || a.name.localeCompare(b.name, 'zh-CN');
}

async function load(office: Office, building: string) {
  const all = await allCustomers(office.db);
  const buildings = [...new Set(all.map((c) => buildingOf(c.unitCode)).filter(Boolean))].sort((a, b) => unitSortKey(a).localeCompare(unitSortKey(b)));
  const rows = (building ? all.filter((c) => buildingOf(c.unitCode) === building) : all).sort(registerOrder);
  return { rows, buildings };
}

/** 客户名册: every customer, or those of one building; a row each, with a column to sign. Landscape. */
export function CustomerRegister(props: { office: Office }) {
  const [params, setParams] = useSearchParams<{ building?: string }>();
  const building = () => params.building ?? '';
  const data = createLive(building, (b) => load(props.office, b), null);
  const columns: RegisterColumn<CustomerRow>[] = [
    { id: 'unit', label: t('customers.unit'), width: '30mm', value: (c) => c.unitCode },
    { id: 'name', label: t('customers.name'), width: '36mm', value: (c) => c.name },
    { id: 'kind', label: t('print.kind'), width: '24mm', align: 'center', value: (c) => t(`kind.${c.kind}`) },
    { id: 'phone', label: t('customers.phones'), width: '62mm', value: (c) => c.phones.map(maskPhone).join(' / ') },
    { id: 'signature', label: t('print.signature') },
    { id: 'remark', label: t('print.remark'), width: '45mm' },
  ];
  const scope = () => (building() ? t('units.building', { building: building() }) : t('print.scopeAll'));
  return (
    <PrintPage
      office={props.office}
      title={t('form.customerRegister')}
      orientation="landscape"
      ready={data() !== null}
      backHref="/customers"
      paper={{ form: 'customer-register', ref: printRef('customer-register', { building: building() }), title: `${t('form.customerRegister')} · ${scope()}` }}
      toolbar={
        <label class="inline">
          {t('print.building')}
          <select value={building()} onChange={(e) => setParams({ building: e.currentTarget.value || undefined }, { replace: true })}>
            <option value="">{t('print.allBuildings')}</option>
            <For each={data()?.buildings ?? []}>{(b) => <option value={b}>{t('units.building', { building: b })}</option>}</For>
          </select>
        </label>
      }
    >
      <RegisterBody rows={data()?.rows ?? []} columns={columns} scope={scope()} />
    </PrintPage>
  );
}

function RegisterBody(props: { rows: CustomerRow[]; columns: RegisterColumn<CustomerRow>[]; scope: string }) {
  const print = usePrint();
  return (
    <>
      <FormTitle
        title={t('form.customerRegister')}
        meta={[
          { label: t('print.office'), value: print.officeName() },
          { label: t('print.scope'), value: props.scope },
          { label: t('form.customerRegister.count'), value: String(props.rows.length) },
          { label: t('print.madeOn'), value: formatPrintDate(print.printedAt(), false) },
        ]}
      />
      <RegisterTable columns={props.columns} rows={props.rows} rowKey={(c) => c.id} numbered rowHeight="9mm" label={t('form.customerRegister')} />
    </>
  );
}
