import { A, useParams } from '@solidjs/router';
import { Show, type Component, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { createLive } from '../../shared/bindings/live';
import type { Office } from '../../store/office-api';
import type { ReadonlyDB } from '../../store/readonly-db';
import { KeyedById } from './KeyedById';

/** What one record's page is made of (a request, an event, a notice, an incident). */
export interface RecordPageParts<R extends { id: string }> {
  /** Where ← leads (the list) and what it says. */
  back: () => string;
  backLabel: () => string;
  /** The section's tabs under the back link, if it has any (the board's). */
  nav?: () => JSX.Element;
  notFound: () => string;
  /** The record's projection row, by the route's id (its query in store/queries). */
  load: (db: ReadonlyDB, id: string) => Promise<R | null | undefined>;
  /** The view, made once per record id, following its row. */
  view: Component<{ office: Office; row: R }>;
}

/**
 * The loader of a record's page, `/<things>/:id`: back to the list, 加载中… while the row is read,
 * 未找到 if this tablet has none (Dexie says undefined, which would read as loading for ever), and
 * the view made once per id (`KeyedById`: a colleague's step or edit re-reads the row and updates
 * the view; it must not remount it and wipe what is being typed). The view is the page's own.
 * Why one piece: the request, event, notice and incident pages had it written out four times
 * (duplicates pairs), and copies drift.
 */
export function recordPage<R extends { id: string }>(parts: RecordPageParts<R>): Component<{ office: Office }> {
  return (props) => {
    const params = useParams<{ id: string }>();
    const row = createLive(() => params.id, async (id) => (await parts.load(props.office.db, id)) ?? null, undefined as R | null | undefined);
    const View = parts.view;
    return (
      <main class="page wide">
        <A href={parts.back()} class="back">← {parts.backLabel()}</A>
        {parts.nav?.()}
        <Show when={row() !== undefined} fallback={<p>{t('common.loading')}</p>}>
          <KeyedById when={row()} fallback={<p class="empty">{parts.notFound()}</p>}>
            {(r) => <View office={props.office} row={r()} />}
          </KeyedById>
        </Show>
      </main>
    );
  };
}
