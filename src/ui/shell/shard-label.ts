import { locale, t } from '../../i18n';

/**
 * A shard's name as people say it: 办公室设置, 客户和房屋资料, 2026年的记录, 2026年3月的记录.
 * Ledger names are read generically (`ledger-YYYY` or `ledger-YYYY-MM`), so year and month
 * shards both read right whichever the office holds.
 */
export function shardLabel(shard: string): string {
  if (shard === 'office') return t('shard.office');
  if (shard === 'directory') return t('shard.directory');
  const m = /^ledger-(\d{4})(?:-(\d{1,2}))?$/.exec(shard);
  if (!m) return shard;
  const year = m[1];
  if (!m[2]) return t('shard.ledgerYear', { year });
  const month = Number(m[2]);
  const monthName = new Intl.DateTimeFormat(locale(), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  return t('shard.ledgerMonth', { year, month, monthName });
}
