import { Show, type Accessor, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { recordPage, type RecordPageParts } from '../common/RecordPage';
import { BoardNav } from './BoardNav';

/**
 * A board record's page (a notice, an incident): `recordPage` with the board's tabs under the
 * back link. With `BoardRecordView` below, all the two pages share — NoticePage and IncidentPage
 * were written alike line for line (a duplicates pair), and copies drift.
 */
export const boardRecordPage = <R extends { id: string }>(parts: Omit<RecordPageParts<R>, 'nav'>) => recordPage({ ...parts, nav: () => <BoardNav /> });

/**
 * A board record's view frame: 加载中… until its live record is read, then its title with the
 * page's buttons beside it (`actions`), and the rest of the page below.
 */
export function BoardRecordView<T extends { title: string }>(props: {
  value: T | null;
  actions: (value: Accessor<T>) => JSX.Element;
  children: (value: Accessor<T>) => JSX.Element;
}) {
  return (
    <Show when={props.value} fallback={<p>{t('common.loading')}</p>}>
      {(v) => (
        <>
          <div class="page-head">
            <h1>{v().title}</h1>
            <div class="head-actions">{props.actions(v as Accessor<T>)}</div>
          </div>
          {props.children(v as Accessor<T>)}
        </>
      )}
    </Show>
  );
}
