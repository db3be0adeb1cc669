import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The files one source file imports for their values: `import type`, imports of types only and `import('…')` left out. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  for (const s of source.statements) {
    let spec: string | null = null;
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause;
      const named = clause?.namedBindings;
      const typesOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      if (!typesOnly) spec = (s.moduleSpecifier as ts.StringLiteral).text;
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly) spec = (s.moduleSpecifier as ts.StringLiteral).text;
    if (!spec?.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), spec.split('?')[0]);
    const target = CANDIDATES.map((c) => base + c).find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
    if (target && /\.tsx?$/.test(target)) out.push(target);
  }
  return out;
}

/**
 * The source files a module loads with it — its static value imports, followed — as file → the
 * files it imports, from `entry`. The build drops type imports and makes each `import('…')` a
 * chunk of its own, so these are the modules of the entry's first load. An import whose names
 * are all used as types only (without the `type` keyword) is still counted: at least what the
 * build puts in.
 */
export function staticImports(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const queue = [path.resolve(entry)];
  while (queue.length) {
    const f = queue.shift()!;
    if (graph.has(f)) continue;
    const next = valueImports(f);
    graph.set(f, next);
    queue.push(...next.filter((n) => !graph.has(n)));
  }
  return graph;
}

/** The shortest chain of imports from `entry` to `target` in `graph`, relative to the working directory. */
export function importChain(graph: Map<string, string[]>, entry: string, target: string): string {
  const from = new Map<string, string | null>([[path.resolve(entry), null]]);
  const queue = [path.resolve(entry)];
  while (queue.length) {
    const f = queue.shift()!;
    for (const n of graph.get(f) ?? []) if (!from.has(n)) (from.set(n, f), queue.push(n));
  }
  const out: string[] = [];
  for (let f: string | null | undefined = path.resolve(target); f; f = from.get(f)) out.unshift(path.relative(process.cwd(), f));
  return out.join(' → ');
}
