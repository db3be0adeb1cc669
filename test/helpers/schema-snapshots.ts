import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Readable snapshots of the database schema, one file per DB_VERSION (`v8.json`, `v9.json`…).
 * Dexie upgrades a device's IndexedDB only when the version number grows: a device that once ran
 * version N keeps N's indexes for ever. So the schema of a version must never change once anyone
 * may have run it — for us, once its snapshot is committed. A schema change is a new version and
 * a new file; the diff of the two files is the review.
 */
export interface SchemaSnapshot {
  version: number;
  /** Table → Dexie index spec (primary key first), tables sorted by name. */
  tables: Record<string, string>;
}

export const snapshotOf = (version: number, schema: Record<string, string>): SchemaSnapshot => ({
  version,
  tables: Object.fromEntries(Object.entries(schema).sort(([a], [b]) => a.localeCompare(b))),
});

/** One table per line: a schema change reads as a one-line diff. */
export function formatSnapshot(s: SchemaSnapshot): string {
  const rows = Object.entries(s.tables).map(([t, spec]) => `    ${JSON.stringify(t)}: ${JSON.stringify(spec)}`);
  return `{\n  "version": ${s.version},\n  "tables": {\n${rows.join(',\n')}\n  }\n}\n`;
}

export const snapshotFile = (dir: string, version: number) => path.join(dir, `v${version}.json`);

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/**
 * What is wrong with the snapshots in `dir` for the current version and schema: a missing file
 * (from `first` up to `current`), a current file that differs from the schema, or a committed
 * file that was changed since (by a later commit or in the working tree).
 */
export function snapshotProblems(dir: string, first: number, current: number, schema: Record<string, string>): string[] {
  const problems: string[] = [];
  const expected = formatSnapshot(snapshotOf(current, schema));
  for (let v = first; v <= current; v++) {
    const file = snapshotFile(dir, v);
    if (!fs.existsSync(file)) {
      problems.push(v === current
        ? `v${v}.json is missing: write the schema of DB_VERSION ${v} there (LINLI_WRITE_SCHEMA=1 npx vitest run test/unit/collections.test.ts)`
        : `v${v}.json is missing: a released version's snapshot stays`);
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    if (v === current && text !== expected) {
      problems.push(`v${v}.json is not the schema of DB_VERSION ${v}: if you changed indexes or added a collection, bump DB_VERSION in src/store/db.ts and write v${v + 1}.json`);
    }
    problems.push(...committedChanges(dir, path.basename(file)));
  }
  return problems;
}

/** A committed snapshot edited since: by a later commit, or in the working tree. */
function committedChanges(dir: string, name: string): string[] {
  const tracked = git(dir, 'ls-files', '--', name);
  if (!tracked) return [];
  const edits = git(dir, 'log', '--no-merges', '--diff-filter=M', '--format=%h %s', '--', name);
  const problems = edits ? [`${name} was changed after it was committed (${edits.split('\n').join('; ')}): a schema is released once committed; make a new version instead`] : [];
  const dirty = git(dir, 'status', '--porcelain', '--', name);
  if (dirty) problems.push(`${name} differs from its committed text: a schema is released once committed; make a new version instead`);
  return problems;
}
