import type { Dimension } from '../../domain/indicators/breakdown';
import type { ServiceSettings } from '../../domain/requests/settings';
import { t } from '../../i18n';

/** The name of a group key of a dimension, in the user's words. */
export function groupLabel(dimension: Dimension, key: string, settings: ServiceSettings): string {
  switch (dimension) {
    case 'category': return settings.categories.find((c) => c.id === key)?.name ?? (key || t('dashboard.none'));
    case 'team': return settings.teams.find((c) => c.id === key)?.name ?? (key || t('dashboard.none'));
    case 'building': return key ? t('dashboard.buildingN', { b: key }) : t('dashboard.none');
    case 'kind': return key ? t(`kind.${key}` as 'kind.owner') : t('dashboard.none');
    case 'age': return t(`dashboard.age.${key}` as 'dashboard.age.unknown');
    case 'tag': return key || t('dashboard.noTag');
  }
}
