import { A } from '@solidjs/router';
import { createContext, createEffect, createResource, createSignal, onCleanup, Show, useContext, type JSX } from 'solid-js';
import { locale, t } from '../i18n';
import { createLive } from '../shared/bindings/live';
import type { PaperRef } from '../domain/papers/paper';
import type { Office } from '../store/office-api';
import { recordPrinted } from '../store/papers';
import { pageCss, type Orientation } from './page-css';
import { paperQr, RecordQr } from './RecordQr';
import './print.css';
import { officeName as readOfficeName } from '../store/queries/settings';

/** What every form may show besides its record: who prints, for which office, when. */
export interface PrintContextValue {
  officeName: () => string;
  printedAt: () => Date;
  staffName: () => string;
  /** The paper this print is (PrintPage's `paper`): its QR code and number go in the form's title block. */
  paper: () => { url: string; number: string } | null;
}

const PrintContext = createContext<PrintContextValue>();

export function usePrint(): PrintContextValue {
  const value = useContext(PrintContext);
  if (!value) throw new Error('usePrint outside <PrintPage>');
  return value;
}

/** Fonts for paper, by language: the CJK face first, so digits and Latin match the Chinese. */
export function printFontFamily(): string {
  return locale() === 'zh-TW'
    ? '"Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK SC", sans-serif'
    : '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK TC", sans-serif';
}

export function formatPrintDate(d: Date, withTime = true): string {
  return new Intl.DateTimeFormat(locale(), {
    year: 'numeric', month: 'long', day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  }).format(d);
}

export interface PrintPageProps {
  office: Office;
  /** The form's name: the running header of every page and the document title (the PDF's file name). */
  title: string;
  orientation?: Orientation;
  /** A4 (default) or A3: a notice printed large for the lobby board. */
  sheetSize?: 'A4' | 'A3';
  /** The form's data is loaded; the print button and the tests wait for it. */
  ready: boolean;
  /** Where 返回 goes. */
  backHref: string;
  /** Screen-only options of the form (a building filter…), shown in the toolbar. */
  toolbar?: JSX.Element;
  /**
   * Runs when 打印 is pressed, before the browser's print dialog: a letter logs the contact, the
   * monthly report freezes its snapshot. Resolving to `false` cancels the print.
   */
  onPrint?: () => Promise<unknown> | unknown;
  /** The records whose paper this prints (纸质件): pressing 打印 marks each 已打印. */
  papers?: PaperRef[];
  /**
   * Every paper filed (issue 21): the printed document as ONE paper to track (a register, a
   * report, a review, a letter). Its number and QR code print in the first `FormTitle`; pressing
   * 打印 records it 已打印; scanning it opens `/papers/<number>` to mark it back and filed. Name
   * it with `printRef(form, options)` and give the period it covers — see README § Printing.
   */
  paper?: PaperRef;
  children: JSX.Element;
}

/**
 * The shell of every printed form. On screen: a toolbar (返回, the form's options, 打印) over an
 * A4 sheet. On paper: only the sheet's content, on A4 in the form's orientation, with the
 * office name and form title at the top of every page and the print date, the printer's name
 * and 第 N 页 共 M 页 at the bottom. The @page rules live in a <style> that exists only while
 * this page is open, so printing any other page is untouched.
 */
export function PrintPage(props: PrintPageProps) {
  const orientation = () => props.orientation ?? 'portrait';
  const settings = createLive(() => props.office, async (o) => ({ name: await readOfficeName(o.db) }), null);
  const officeName = () => settings()?.name || props.office.config.officeName || '';
  const staffName = () => props.office.config.staffName ?? '';
  // The date on the paper is the date it is printed, even if the preview stayed open overnight.
  const [printedAt, setPrintedAt] = createSignal(new Date());
  const refresh = () => setPrintedAt(new Date());
  window.addEventListener('beforeprint', refresh);
  onCleanup(() => window.removeEventListener('beforeprint', refresh));
  const [fonts] = createResource(() => document.fonts.ready.then(() => true));
  const ready = () => props.ready && settings() !== null && fonts() === true;

  const style = document.createElement('style');
  style.dataset.print = '';
  document.head.append(style);
  document.documentElement.classList.add('printing-form');
  const previousTitle = document.title;
  onCleanup(() => {
    style.remove();
    document.documentElement.classList.remove('printing-form');
    document.title = previousTitle;
  });
  createEffect(() => {
    style.textContent = pageCss({
      orientation: orientation(),
      paper: props.sheetSize,
      header: { left: officeName(), right: props.title },
      footer: {
        left: t('print.printedAt', { date: formatPrintDate(printedAt()) }),
        right: staffName() ? t('print.printedBy', { name: staffName() }) : undefined,
      },
      pageOf: t('print.pageOf'),
      fontFamily: printFontFamily(),
    });
  });
  createEffect(() => {
    document.title = [props.title, officeName()].filter(Boolean).join(' · ');
  });

  // The paper is recorded as printed before the dialog opens (it blocks the page in some browsers).
  const printNow = async () => {
    const all = [...(props.papers ?? []), ...(props.paper ? [props.paper] : [])];
    if (all.length) await recordPrinted(props.office, all);
    window.print();
  };

  return (
    <PrintContext.Provider value={{ officeName, printedAt, staffName, paper: () => (props.paper ? paperQr(props.paper) : null) }}>
      <div class="print-view">
        <div class="print-toolbar" role="toolbar" aria-label={t('print.toolbar')}>
          <A href={props.backHref} class="button">← {t('common.back')}</A>
          {props.toolbar}
          <span class="print-hint muted">{t('print.hint')}</span>
          <button type="button" class="primary" disabled={!ready()} onClick={async () => { if ((await props.onPrint?.()) === false) return; await printNow(); }}>{t('print.print')}</button>
        </div>
        <div class="print-sheet-scroll">
          <article class={`print-sheet ${orientation()}${props.sheetSize === 'A3' ? ' a3' : ''}`} data-testid="print-sheet" data-print-ready={ready() ? 'true' : 'false'}
            style={{ 'font-family': printFontFamily() }}>
            <Show when={props.ready} fallback={<p class="muted">{t('print.preparing')}</p>}>{props.children}</Show>
          </article>
        </div>
      </div>
    </PrintContext.Provider>
  );
}

/**
 * The head of a form's first page: its title, a line of facts (scope, count, print date…) and,
 * for a single record, the QR code that opens the record in the app with its number under it.
 */
export function FormTitle(props: { title: string; meta?: { label: string; value: string }[]; qr?: { url: string; number?: string } }) {
  // A form without a record of its own shows its paper's QR code and number (PrintPage's `paper`).
  const paper = useContext(PrintContext)?.paper;
  // Only a titled block takes it (a form's untitled closing section is not its head).
  const qr = () => props.qr ?? (props.title ? paper?.() : undefined) ?? undefined;
  return (
    <header class="form-title">
      <div class="form-title-main">
        <h1>{props.title}</h1>
        <Show when={props.meta?.length}>
          <dl class="form-meta">
            {props.meta!.map((m) => (
              <div>
                <dt>{m.label}</dt>
                <dd>{m.value}</dd>
              </div>
            ))}
          </dl>
        </Show>
      </div>
      <Show when={qr()}>{(q) => <RecordQr url={q().url} number={q().number} />}</Show>
    </header>
  );
}
