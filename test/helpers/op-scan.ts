import fs from 'node:fs';
import path from 'node:path';
import { sourceFiles } from './source-graph';

/**
 * What building or editing a command looks like in source text. Only the domain decides what a
 * command holds (`src/domain/ops.ts`); a store module reads, calls the domain, and runs what it
 * got. Each rule names the habit it stops, as seen in store/events.ts before the domain took over.
 */
const RULES: { why: string; re: RegExp }[] = [
  { why: 'builds an op', re: /\bkind\s*:\s*['"](create|set|text|log)['"]/ },
  { why: 'builds a command from ops', re: /\bops\s*:\s*\[|\{\s*shard\s*(:[^,}]+)?,\s*ops\s*[,}]/ },
  { why: 'edits a command’s ops', re: /\.ops\s*\.\s*(push|splice|unshift|pop|shift|sort|reverse|fill|copyWithin)\s*\(/ },
  { why: 'edits an op', re: /Object\.assign\(\s*[\w$.[\]'"]*\b(fields|texts|entry|ops|op|command)\b|\.(fields|texts|entry|ops|shard)\b(\s*\[[^\]]*\]|\s*\.\s*[\w$]+)?\s*(=(?![=>])|\+=|\?\?=|\|\|=)/ },
  { why: 'writes a history line', re: /\bhistoryEntry\s*\(/ },
];

/** Source text without comments, so a comment may talk about ops (string contents are kept). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** Every line of `text` that builds or edits an op, as `line: why`. */
export function opBuilding(text: string): string[] {
  const found: string[] = [];
  withoutComments(text).split('\n').forEach((line, i) => {
    for (const rule of RULES) if (rule.re.test(line)) found.push(`${i + 1}: ${rule.why}`);
  });
  return found;
}

/** `file:line: why` for every place under `dir` (relative to `root`) that builds or edits an op. */
export function opBuildingIn(dir: string, root = process.cwd()): string[] {
  return sourceFiles(path.resolve(dir)).flatMap((f) => opBuilding(fs.readFileSync(f, 'utf8')).map((hit) => `${path.relative(root, f)}:${hit}`));
}
