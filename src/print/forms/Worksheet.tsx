import { t } from '../../i18n';
import type { DateKind } from '../../domain/dates';
import type { Office } from '../../store/office-api';
import { todayView, type TodayView } from '../../store/queries/today';
import { createLive } from '../../shared/bindings/live';
import { printRef } from '../../domain/papers/paper';
import { FormTitle, formatPrintDate, PrintPage, usePrint } from '../PrintPage';
import { RegisterTable, type RegisterColumn } from '../RegisterTable';

interface Line {
  id: string;
  what: string;
  who: string;
  detail: string;
  due: string;
}

/** The same lists as 今日, one line each, in the order the page shows them. */
export function worksheetLines(v: TodayView): Line[] {
  return [
    ...v.requests.map((r) => ({ id: r.id, what: `${t(`reqkind.${r.kind}`)} ${r.number}`, who: [r.unitCode, r.customerName].filter(Boolean).join(' '), detail: r.summary, due: r.dueFinish.slice(0, 16).replace('T', ' ') })),
    ...v.followUps.map((r) => ({ id: `f-${r.id}`, what: `${t('today.followUp')} ${r.number}`, who: [r.unitCode, r.customerName].filter(Boolean).join(' '), detail: r.summary, due: '' })),
    ...v.care.map((k) => ({ id: k.id, what: t('today.careTitle', { kind: t(`date.${k.dateKind as DateKind}`), date: k.occursOn }), who: [k.unitCode, k.customerName].join(' '), detail: '', due: k.due })),
    ...v.planTasks.map((k) => ({ id: k.id, what: v.planNames[k.ref] ?? t('today.planTask'), who: [k.unitCode, k.customerName].join(' '), detail: '', due: k.due })),
    ...v.surveyTasks.map((k) => ({ id: k.id, what: t('today.surveyTitle', v.surveyNames[k.ref] ?? { survey: '', wave: '' }), who: [k.unitCode, k.customerName].filter(Boolean).join(' '), detail: '', due: k.due })),
  ];
}

/** 当日工作单: today's work of the staff member printing it, with columns to tick and remark by hand. */
export function Worksheet(props: { office: Office }) {
  const view = createLive(() => props.office.config.staffId ?? '', (me) => todayView(props.office.db, me, new Date()), null);
  const columns: RegisterColumn<Line>[] = [
    { id: 'what', label: t('worksheet.what'), width: '42mm', wrap: true, value: (l) => l.what },
    { id: 'who', label: t('worksheet.who'), width: '36mm', wrap: true, value: (l) => l.who },
    { id: 'detail', label: t('worksheet.detail'), wrap: true, value: (l) => l.detail },
    { id: 'due', label: t('worksheet.due'), width: '26mm', value: (l) => l.due },
    { id: 'done', label: t('worksheet.done'), width: '18mm' },
    { id: 'remark', label: t('print.remark'), width: '28mm' },
  ];
  const lines = () => {
    const v = view();
    return v ? worksheetLines(v) : [];
  };
  const paper = () => {
    const v = view();
    return v ? { form: 'worksheet' as const, ref: printRef('worksheet', { day: v.today }), title: `${t('worksheet.title')} · ${v.today}`, period: v.today } : undefined;
  };
  return (
    <PrintPage office={props.office} title={t('worksheet.title')} ready={view() !== null} backHref="/today"
      paper={paper()}>
      <Body lines={lines()} columns={columns} day={view()?.today ?? ''} />
    </PrintPage>
  );
}

function Body(props: { lines: Line[]; columns: RegisterColumn<Line>[]; day: string }) {
  const print = usePrint();
  return (
    <>
      <FormTitle title={t('worksheet.title')} meta={[
        { label: t('print.office'), value: print.officeName() },
        { label: t('worksheet.day'), value: props.day },
        { label: t('worksheet.staff'), value: print.staffName() },
        { label: t('form.count'), value: String(props.lines.length) },
        { label: t('print.madeOn'), value: formatPrintDate(print.printedAt(), false) },
      ]} />
      <RegisterTable columns={props.columns} rows={props.lines} rowKey={(l) => l.id} numbered blankRows={3} label={t('worksheet.title')} />
    </>
  );
}
