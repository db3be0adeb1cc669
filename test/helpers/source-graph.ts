import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The source tree as data, for the tests that hold the house rules (no import cycle, no op built
 * outside the domain): every .ts/.tsx file under a folder, and which files each one imports.
 * TypeScript's own pre-processor reads the imports, so `import type`, `export … from` and
 * `import('…')` all count — a cycle through types is still a cycle a reader must untangle.
 */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The file a relative specifier names, or null (a package, or a `?worker`/`?url` asset). */
function resolveSpecifier(from: string, spec: string, known: Set<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec.split('?')[0]);
  for (const c of CANDIDATES) if (known.has(base + c)) return base + c;
  return null;
}

/** File → the files it imports (relative imports only), for every source file under `dir`. */
export function importGraph(dir: string): Map<string, string[]> {
  const files = sourceFiles(path.resolve(dir));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const info = ts.preProcessFile(fs.readFileSync(f, 'utf8'), true, true);
    const targets = info.importedFiles.map((i) => resolveSpecifier(f, i.fileName, known)).filter((t): t is string => !!t);
    graph.set(f, [...new Set(targets)]);
  }
  return graph;
}

/**
 * Every import cycle, as the files of one strongly connected component (Tarjan), each list
 * sorted and relative to `root`. A file importing itself counts.
 */
export function importCycles(graph: Map<string, string[]>, root = process.cwd()): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.map((f) => path.relative(root, f)).sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
