import { esc } from './html';
import { renderPicture } from './pictures';
import { PLATFORMS, type Platform, type SetupLang } from './platform';
import { SETUP_TEXT, type Step } from './text';

export interface SetupPageInput {
  lang: SetupLang;
  platform: Platform;
  /** Host name or IP the tablet used to reach this page (links go back to it). */
  host: string;
  httpsPort: number;
  ca: { name: string; fingerprint256: string; validTo: string };
}

/**
 * The setup page a tablet opens at http://<pc>:8787/setup: its platform's steps first, with
 * pictures of the screens to look for, the two downloads, the CA fingerprint, and a script that
 * fetches https://<pc>:<https-port>/healthz until it succeeds (i.e. the CA is trusted) and then
 * offers 打开邻里. Everything interpolated is escaped; the script reads its strings from data-*.
 */
export function renderSetupPage(input: SetupPageInput): string {
  const t = SETUP_TEXT[input.lang];
  const host = input.host.includes(':') && !input.host.startsWith('[') ? `[${input.host}]` : input.host;
  const appUrl = `https://${host}:${input.httpsPort}`;
  const withName = (s: string) => s.replace('Linli CA', input.ca.name);
  const step = (s: Step) => {
    const picture = s.picture ? { ...s.picture, rows: s.picture.rows.map(withName) } : undefined;
    const download =
      s.download === 'crt'
        ? `<a class="button" href="/setup/linli-ca.crt" download="linli-ca.crt">${esc(t.downloadCrt)}</a>`
        : s.download === 'mobileconfig'
          ? `<a class="button" href="/setup/linli-ca.mobileconfig">${esc(t.downloadProfile)}</a> <a class="button secondary" href="/setup/linli-ca.crt">${esc(t.downloadCrt)}</a>`
          : '';
    const label = picture ? t.picture.replace('{title}', picture.title).replace('{row}', picture.rows[picture.highlight] ?? '') : '';
    return `<li><p>${esc(s.text)}</p>${download ? `<p class="downloads">${download}</p>` : ''}${picture ? renderPicture(picture, label) : ''}</li>`;
  };
  const order = [input.platform, ...PLATFORMS.filter((p) => p !== input.platform)];
  const sections = order
    .map(
      (p) =>
        `<details id="p-${p}" data-platform="${p}"${p === input.platform ? ' open' : ''}><summary>${esc(t.platform[p])}</summary><ol>${t.steps[p].map(step).join('')}</ol></details>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${esc(input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)} · 邻里</title>
<style>
:root { color-scheme: light; --green: #1f6f5c; --ink: #1e2a26; --muted: #55615d; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.6 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif; color: var(--ink); background: #f6f4ef; }
main { max-width: 760px; margin: 0 auto; padding: 20px 16px 48px; }
h1 { font-size: 1.5rem; margin: 0 0 8px; }
h2 { font-size: 1.1rem; margin: 28px 0 8px; }
.lead { color: var(--muted); margin: 0 0 16px; }
.status { padding: 14px 16px; border-radius: 10px; background: #fff; border: 2px solid #c9d1ce; font-weight: 600; }
.status.ok { border-color: #2fa05a; background: #e9f7ee; }
.status.no { border-color: #d39b2a; background: #fdf6e6; }
.open { display: inline-block; margin-top: 12px; padding: 12px 28px; border-radius: 10px; background: var(--green); color: #fff; font-size: 1.15rem; font-weight: 700; text-decoration: none; }
.open[hidden] { display: none; }
details { background: #fff; border-radius: 10px; margin: 10px 0; border: 1px solid #d8ddd9; }
summary { padding: 14px 16px; font-weight: 700; cursor: pointer; font-size: 1.05rem; }
ol { margin: 0; padding: 0 16px 16px 40px; }
li { margin: 0 0 18px; }
li p { margin: 0 0 8px; overflow-wrap: anywhere; }
.downloads { display: flex; flex-wrap: wrap; gap: 8px; }
.button { display: inline-block; padding: 10px 18px; border-radius: 8px; background: var(--green); color: #fff; text-decoration: none; font-weight: 600; }
.button.secondary { background: #fff; color: var(--green); border: 2px solid var(--green); }
.pic { display: block; max-width: 100%; height: auto; }
.fp { font: 0.95rem/1.7 'Noto Sans Mono CJK SC', ui-monospace, monospace; background: #fff; padding: 10px 12px; border-radius: 8px; border: 1px solid #d8ddd9; overflow-wrap: anywhere; }
.note { color: var(--muted); font-size: 0.95rem; }
html:lang(en) body { font-family: 'Noto Sans', 'Segoe UI', Roboto, Helvetica, Arial, 'Noto Sans CJK SC', sans-serif; }
</style>
</head>
<body data-https="${esc(appUrl)}" data-platform="${esc(input.platform)}" data-ok="${esc(t.trusted)}" data-no="${esc(t.notTrusted)}">
<main>
<h1>${esc(t.title)}</h1>
<p class="lead">${esc(t.lead)}</p>
<div id="status" class="status" role="status" aria-live="polite">${esc(t.checking)}</div>
<a id="open" class="open" href="${esc(appUrl)}/" hidden>${esc(t.open)}</a>
<noscript><p>${esc(t.noScript)} <a href="${esc(appUrl)}/">${esc(appUrl)}</a></p></noscript>
<h2>${esc(t.detected)}</h2>
${sections}
<h2>${esc(t.fingerprint)}</h2>
<p class="note">${esc(t.fingerprintHint)}</p>
<p class="fp" data-testid="ca-fingerprint">${esc(input.ca.fingerprint256)}</p>
<p class="note">${esc(t.caName)}: ${esc(input.ca.name)} · ${esc(t.validUntil)} ${esc(input.ca.validTo)}</p>
<p class="note">${esc(t.addressNote)}</p>
</main>
<script>
(function () {
  var body = document.body, url = body.getAttribute('data-https');
  var status = document.getElementById('status'), open = document.getElementById('open');
  // A Mac says Macintosh like an iPad does; without a touch screen it is not an iPad.
  if (body.getAttribute('data-platform') === 'ios' && /Macintosh/.test(navigator.userAgent) && !(navigator.maxTouchPoints > 1)) {
    document.getElementById('p-ios').open = false;
    document.getElementById('p-other').open = true;
  }
  function check() {
    // Any answer means the TLS handshake worked (a 503 only says a shard is damaged).
    fetch(url + '/healthz', { mode: 'cors', cache: 'no-store' }).then(function () {
      status.className = 'status ok';
      status.textContent = body.getAttribute('data-ok');
      open.hidden = false;
    }).catch(function () {
      status.className = 'status no';
      status.textContent = body.getAttribute('data-no');
      setTimeout(check, 4000);
    });
  }
  check();
})();
</script>
</body>
</html>
`;
}
