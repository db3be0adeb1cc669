import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importChain, staticImports } from '../helpers/first-load';

/**
 * What the page loads before its first list is on screen (`bundle.first_load_kib`, target
 * 150 KiB gzipped) is src/main.tsx and its static imports. These modules were in it without the
 * first screen needing them; each now loads when its page or its moment comes (README § Speed).
 * A static import that brings one back fails here, naming the chain that does.
 */
const LATER = [
  // Every record type's projection: the worker's; the page needs only the index specs (collection-indexes.ts).
  'src/store/collections.ts',
  'src/domain/moves/renovation.ts',
  // The spreadsheet import's column words (with a table of traditional characters).
  'src/domain/import/columns.ts',
  // The request commands (intake, steps): the lock screen's PIN check needs only the role.
  'src/store/requests.ts',
  'src/domain/requests/lifecycle.ts',
  // The notice of a removed tablet, with its backup file: rare, its own chunk.
  'src/ui/shell/RemovedNotice.tsx',
  'src/store/backup.ts',
];

describe('the first load', () => {
  const entry = 'src/main.tsx';
  const graph = staticImports(entry);

  it('is the entry and what it imports statically: the customer list and the database schema among them', () => {
    expect(graph.has(path.resolve('src/ui/customers/CustomerList.tsx'))).toBe(true);
    expect(graph.has(path.resolve('src/store/collection-indexes.ts'))).toBe(true);
    expect(graph.has(path.resolve('src/store/db.ts'))).toBe(true);
  });

  it.each(LATER)('leaves out %s', (file) => {
    const inside = graph.has(path.resolve(file));
    expect(inside, inside ? `imported by ${importChain(graph, entry, file)}` : '').toBe(false);
  });
});
