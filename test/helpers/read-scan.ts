/**
 * The scan behind "reads only through `store/queries/`": outside `src/store/`, no code touches a
 * Dexie table, opens a transaction, imports Dexie (beyond `liveQuery`, which the Solid binding
 * wraps) or imports the writable database. The type system already refuses writes through
 * `Office.db` (`ReadonlyDB`); this keeps the reads themselves in the queries, as Actual keeps
 * its SQL in `db/queries/`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COLLECTION_NAMES } from '../../src/domain/shards';

export interface SourceFile {
  path: string;
  text: string;
}

export interface Violation {
  path: string;
  line: number;
  rule: 'table read' | 'dexie import' | 'writable db import';
  text: string;
}

const TABLES = [...COLLECTION_NAMES, 'updates', 'meta'].join('|');
// Across lines: a chain is often broken after the table (`db.requests\n  .where(…)`).
const TABLE_READ = new RegExp(String.raw`\bdb\s*\.\s*(?:(?:${TABLES})\b\s*\.|table\s*\(|transaction\s*\()`, 'g');
const DEXIE_IMPORT = /^\s*import\s+(.*?)\s+from\s+['"]dexie['"]/;
const WRITABLE_IMPORT = /from\s+['"][^'"]*\/store\/(?:db|device-tables)['"]/;

/** Files the rule covers: all of `src/` but the store itself and tests beside pure code. */
export function covered(path: string): boolean {
  return path.startsWith('src/') && !path.startsWith('src/store/') && /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path);
}

export function readsOutsideStore(files: SourceFile[]): Violation[] {
  const found: Violation[] = [];
  for (const file of files.filter((f) => covered(f.path))) {
    const lines = file.text.split('\n');
    const lineAt = (index: number) => file.text.slice(0, index).split('\n').length;
    for (const m of file.text.matchAll(TABLE_READ)) {
      const line = lineAt(m.index);
      found.push({ path: file.path, line, rule: 'table read', text: lines[line - 1].trim() });
    }
    lines.forEach((text, i) => {
      const at = { path: file.path, line: i + 1, text: text.trim() };
      const dexie = DEXIE_IMPORT.exec(text);
      if (dexie && dexie[1].replace(/\s/g, '') !== '{liveQuery}') found.push({ ...at, rule: 'dexie import' });
      if (WRITABLE_IMPORT.test(text)) found.push({ ...at, rule: 'writable db import' });
    });
  }
  return found.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.rule.localeCompare(b.rule));
}

/** Every source file of the tree under `src/`, with paths relative to the repository. */
export function sourceFiles(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) out.push({ path: relative(root, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(root, 'src'));
  return out;
}
