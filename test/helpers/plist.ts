/**
 * A strict reader of XML property lists (the subset configuration profiles use: dict, array,
 * key, string, data, integer, true, false). Throws on anything it does not expect, so a profile
 * iOS would reject for malformed XML fails the test too.
 */
export type PlistValue = string | number | boolean | Buffer | PlistValue[] | { [key: string]: PlistValue };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    if (!(e in ENTITIES)) throw new Error(`unknown entity &${e};`);
    return ENTITIES[e];
  });

export function parsePlist(xml: string): PlistValue {
  const head = xml.match(/^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<!DOCTYPE plist PUBLIC "-\/\/Apple\/\/DTD PLIST 1\.0\/\/EN" "http:\/\/www\.apple\.com\/DTDs\/PropertyList-1\.0\.dtd">\s*<plist version="1\.0">/);
  if (!head) throw new Error('missing XML declaration, DOCTYPE or <plist>');
  let pos = head[0].length;
  const skip = () => {
    while (/\s/.test(xml[pos] ?? '')) pos++;
  };
  const expect = (s: string) => {
    skip();
    if (!xml.startsWith(s, pos)) throw new Error(`expected ${s} at ${pos}: ${xml.slice(pos, pos + 30)}`);
    pos += s.length;
  };
  const text = (tag: string) => {
    const end = xml.indexOf(`</${tag}>`, pos);
    if (end < 0) throw new Error(`unclosed <${tag}>`);
    const body = xml.slice(pos, end);
    if (body.includes('<')) throw new Error(`markup inside <${tag}>`);
    pos = end + tag.length + 3;
    return unescape(body);
  };
  const value = (): PlistValue => {
    skip();
    const m = xml.slice(pos).match(/^<(\w+)(\/?)>/);
    if (!m) throw new Error(`expected a value at ${pos}`);
    pos += m[0].length;
    const [, tag, selfClosing] = m;
    if (selfClosing) {
      if (tag === 'true') return true;
      if (tag === 'false') return false;
      throw new Error(`unexpected <${tag}/>`);
    }
    switch (tag) {
      case 'string':
        return text('string');
      case 'integer': {
        const t = text('integer').trim();
        if (!/^-?\d+$/.test(t)) throw new Error(`bad integer ${t}`);
        return Number(t);
      }
      case 'data': {
        const t = text('data').replace(/\s+/g, '');
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t)) throw new Error('bad base64 in <data>');
        return Buffer.from(t, 'base64');
      }
      case 'array': {
        const out: PlistValue[] = [];
        for (;;) {
          skip();
          if (xml.startsWith('</array>', pos)) {
            pos += 8;
            return out;
          }
          out.push(value());
        }
      }
      case 'dict': {
        const out: Record<string, PlistValue> = {};
        for (;;) {
          skip();
          if (xml.startsWith('</dict>', pos)) {
            pos += 7;
            return out;
          }
          expect('<key>');
          const key = text('key');
          if (key in out) throw new Error(`duplicate key ${key}`);
          out[key] = value();
        }
      }
      default:
        throw new Error(`unexpected <${tag}>`);
    }
  };
  const root = value();
  expect('</plist>');
  skip();
  if (pos !== xml.length) throw new Error('content after </plist>');
  return root;
}
