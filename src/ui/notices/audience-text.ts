import type { NoticeRow } from '../../domain/notices/notice';
import { t } from '../../i18n';

/** Who a notice is for, in a few words (全体 / 3栋、5栋 / 商铺 / 名单：独居老人). */
export function audienceText(n: Pick<NoticeRow, 'audience'>): string {
  const a = n.audience;
  if (a.scope === 'buildings') return a.buildings.map((b) => t('units.building', { building: b })).join('、');
  if (a.scope === 'uses') return a.uses.map((u) => t(`use.${u}` as never)).join('、');
  if (a.scope === 'list') return t('audience.listNamed', { name: a.listName });
  return t('audience.all');
}
