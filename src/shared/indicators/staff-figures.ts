import { RATE_FIGURES, rateOf, type Figure, type FigureId } from '../../domain/staff-figures/figures';
import { t } from '../../i18n';

/** A person's figure as shown and printed: "2 / 3（66.7%）" for a rate, "3" for a count. */
export function figureText(id: FigureId, f: Figure): string {
  if (!RATE_FIGURES.includes(id)) return String(f.n);
  const rate = rateOf(f);
  return rate === null ? '—' : `${t('staffFigures.ratio', { hits: f.hits, n: f.n })}（${rate.toFixed(1)}%）`;
}

export const figureName = (id: FigureId) => t(`staffFigures.${id}`);
