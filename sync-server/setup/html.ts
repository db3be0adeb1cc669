/** Escapes text for HTML (and SVG) text and double- or single-quoted attributes. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
