/**
 * The relay's log: one line per event on stdout, with an ISO time first. Lines never carry a
 * secret: anything that looks like a token parameter, a bearer header or a PIN is replaced, and a
 * line break in a name (an office called "a\nb") cannot split an event over two lines.
 */
const SECRETS: [RegExp, string][] = [
  [/([?&#](?:token|pin|code|invite)=)[^&\s"']+/gi, '$1…'],
  [/\b(token|pin|password|secret)(["']?\s*[:=]\s*["']?)[^\s"',}&]+/gi, '$1$2…'],
  [/\bBearer\s+\S+/gi, 'Bearer …'],
];

export function redact(line: string): string {
  let out = line;
  for (const [pattern, replacement] of SECRETS) out = out.replace(pattern, replacement);
  return out;
}

export function formatLogLine(line: string, now = new Date()): string {
  return `${now.toISOString()} ${redact(line).replace(/[\r\n]+/g, ' ⏎ ')}`;
}

export function stdoutLog(line: string): void {
  process.stdout.write(`${formatLogLine(line)}\n`);
}
