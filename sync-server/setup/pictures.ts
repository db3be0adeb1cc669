import { esc } from './html';

/** A simplified screen to look for: a title bar and a list, the row to tap outlined. */
export interface Picture {
  frame: 'phone' | 'window';
  title: string;
  rows: string[];
  /** Index of the row to tap or the button to press. */
  highlight: number;
  /** A toggle drawn at the right of the highlighted row (iOS full trust). */
  toggle?: boolean;
}

const ROW_H = 34;

/** Rough width at 13px: a CJK character is a full em, Latin about half. */
const widthOf = (text: string) => [...text].reduce((w, c) => w + (/[\u2e80-\uffff]/.test(c) ? 13 : 7), 0);

/** Shortens a label with "…" so it ends before the chevron or toggle of its row. */
export function fitLabel(text: string, room: number): string {
  if (widthOf(text) <= room) return text;
  const chars = [...text];
  while (chars.length && widthOf(chars.join('') + '…') > room) chars.pop();
  return chars.join('') + '…';
}

/** Inline SVG of the picture; the accessible name says what to tap. */
export function renderPicture(p: Picture, label: string): string {
  const width = p.frame === 'phone' ? 220 : 320;
  const top = p.frame === 'phone' ? 30 : 34;
  const height = top + 44 + p.rows.length * ROW_H + 24;
  const frame =
    p.frame === 'phone'
      ? `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" rx="22" fill="#fff" stroke="#3a4a45" stroke-width="2"/><rect x="${width / 2 - 24}" y="10" width="48" height="6" rx="3" fill="#c9d1ce"/>`
      : `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" rx="6" fill="#fff" stroke="#3a4a45" stroke-width="2"/><rect x="1" y="1" width="${width - 2}" height="24" rx="6" fill="#e4e9e7"/><circle cx="${width - 16}" cy="13" r="4" fill="#b34a3c"/>`;
  const rows = p.rows
    .map((text, i) => {
      const y = top + 44 + i * ROW_H;
      const on = i === p.highlight;
      const box = on
        ? `<rect x="10" y="${y}" width="${width - 20}" height="${ROW_H - 4}" rx="6" fill="#e3f2ec" stroke="#1f6f5c" stroke-width="2.5"/>`
        : `<rect x="10" y="${y}" width="${width - 20}" height="${ROW_H - 4}" rx="6" fill="#f4f6f5"/>`;
      const toggle =
        on && p.toggle
          ? `<rect x="${width - 58}" y="${y + 7}" width="34" height="16" rx="8" fill="#2fa05a"/><circle cx="${width - 32}" cy="${y + 15}" r="6" fill="#fff"/>`
          : on
            ? `<path d="M${width - 34} ${y + 22} l8 -8 l-8 -8" fill="none" stroke="#1f6f5c" stroke-width="2.5"/>`
            : '';
      const label = fitLabel(text, width - 22 - (on ? (p.toggle ? 66 : 42) : 20));
      return `${box}<text x="22" y="${y + 20}" font-size="13" fill="${on ? '#0f3f33' : '#44504c'}" font-weight="${on ? 700 : 400}">${esc(label)}</text>${toggle}`;
    })
    .join('');
  return `<svg class="pic" role="img" aria-label="${esc(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif">${frame}<text x="18" y="${top + 26}" font-size="15" font-weight="700" fill="#1e2a26">${esc(p.title)}</text>${rows}</svg>`;
}
