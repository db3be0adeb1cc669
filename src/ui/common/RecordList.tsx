import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';

/**
 * The list of a concept's records (notices, incidents, events): one link row each — title,
 * chips, a muted line — or a line saying there are none. Why one piece: the lists looked the same
 * by design, and copies drift (a class or a test id forgotten in one of them).
 */
export function RecordRows<T>(props: { rows: T[]; empty: string; testId: string; children: (row: T) => JSX.Element }) {
  return (
    <Show when={props.rows.length} fallback={<p class="empty">{props.empty}</p>}>
      <ul class="rows" data-testid={props.testId}>
        <For each={props.rows}>{(row) => <li>{props.children(row)}</li>}</For>
      </ul>
    </Show>
  );
}

/** One record's row: its title, its chips and a muted line below. */
export function RecordRow(props: { href: string; class: string; title: string; titleClass?: string; chips: JSX.Element; meta: JSX.Element }) {
  return (
    <A class={`row ${props.class}`} href={props.href}>
      <strong class={props.titleClass}>{props.title}</strong>
      <span class="chips">{props.chips}</span>
      <span class="muted">{props.meta}</span>
    </A>
  );
}

/** A board's list page (通知公告, 突发事件): its title, one 新建 button, the board's tabs, the rows. */
export function BoardListPage<T>(props: { title: string; newHref: string; newLabel: string; nav: JSX.Element; rows: T[]; empty: string; testId: string; children: (row: T) => JSX.Element }) {
  return (
    <main class="page wide">
      <div class="page-head">
        <h1>{props.title}</h1>
        <div class="head-actions"><A class="button primary" href={props.newHref}>{props.newLabel}</A></div>
      </div>
      {props.nav}
      <RecordRows rows={props.rows} empty={props.empty} testId={props.testId}>{props.children}</RecordRows>
    </main>
  );
}
