import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../../helpers/source-graph';
import { useScratch } from '../../helpers/scratch';

// A cycle, even through types only, means two files a reader must understand together and an
// order of evaluation that depends on who imports first (import.ts ↔ import-household.ts was one).
describe('no import cycle in src/', () => {
  const scratch = useScratch('cycles-');

  it('finds none in the source tree', () => {
    expect(importCycles(importGraph('src'))).toEqual([]);
  });

  it('names the files of a cycle planted in a copy of a domain folder, through types and re-exports alike', () => {
    const planted = scratch();
    fs.cpSync('src/domain/surveys', path.join(planted, 'surveys'), { recursive: true });
    fs.cpSync('src/domain/import', path.join(planted, 'import'), { recursive: true });
    // What the tree held before: the survey's records reading its types from the commands…
    fs.appendFileSync(path.join(planted, 'surveys/types.ts'), "\nexport type { SurveyRow } from './survey';\n");
    // …and a planner importing the module that imports it, as import.ts ↔ import-household.ts did.
    fs.appendFileSync(path.join(planted, 'import/collect.ts'), "\nimport type { ImportPlan as _P } from './plan';\n");
    const cycles = importCycles(importGraph(planted), planted);
    expect(cycles).toContainEqual(['surveys/records.ts', 'surveys/survey.ts', 'surveys/types.ts']);
    expect(cycles.find((c) => c.includes('import/collect.ts'))).toEqual(expect.arrayContaining(['import/collect.ts', 'import/plan.ts']));
  });

  it('counts a file importing itself', () => {
    const graph = new Map([['/a.ts', ['/a.ts']], ['/b.ts', ['/a.ts']]]);
    expect(importCycles(graph, '/')).toEqual([['a.ts']]);
  });
});
