/**
 * Scripts run inside the page. Kept as text so that no build helper of this file (tsx wraps
 * named functions in one the page lacks) leaks into them; each one gives up by itself after
 * `ms` so that no evaluate can wait for ever, and `run` bounds it from the Node side as well.
 */
import type { Page } from 'playwright-core';
import { within } from './scope';

export function run<T>(page: Page, script: string, arg: unknown, ms: number, what: string): Promise<T> {
  return within(page.evaluate(`(${script})(${JSON.stringify(arg)})`) as Promise<T>, ms + 5_000, what);
}

/**
 * Installed before every navigation (`addInitScript`): every main-thread task over 50 ms (the
 * longtask API reports no shorter ones), as [startTime, duration] on the page's timeline.
 */
export const LONG_TASKS_INIT = `(() => {
  window.__linliLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__linliLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__linliLongTasks = null; }
})()`;

/** The longest task that overlaps [from, to] (page timeline) as [start, duration, how many over 50 ms], or [0, 0, 0] when none over 50 ms did. */
export const LONGEST_TASK = `({ from, to }) => {
  const tasks = window.__linliLongTasks;
  if (!tasks) throw new Error('longtask observer not installed');
  const inside = tasks.filter(([s, d]) => s + d >= from && s <= to);
  return [...inside.reduce((m, t) => (t[1] > m[1] ? t : m), [0, 0]), inside.length];
}`;

/** Resolves with a performance entry's startTime (and duration) once it exists. */
export const WAIT_ENTRY = `async ({ name, ms }) => {
  const t0 = performance.now();
  for (;;) {
    const e = performance.getEntriesByName(name)[0];
    if (e) return [e.startTime, e.duration];
    if (performance.now() - t0 > ms) throw new Error('no performance entry ' + name + ' after ' + ms + ' ms');
    await new Promise((r) => setTimeout(r, 20));
  }
}`;

/** Rows of an IndexedDB object store (the app's Dexie database, read without Dexie). */
export const IDB_COUNT = `async ({ db, store }) => new Promise((resolve, reject) => {
  const open = indexedDB.open(db);
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const d = open.result;
    try {
      const req = d.transaction(store).objectStore(store).count();
      req.onsuccess = () => { d.close(); resolve(req.result); };
      req.onerror = () => { d.close(); reject(req.error); };
    } catch (e) { d.close(); reject(e); }
  };
})`;

/** Waits (polling, 100 ms) until `store` holds at least `n` rows. */
export const IDB_AT_LEAST = `async ({ db, store, n, ms }) => {
  const count = ${IDB_COUNT};
  const t0 = performance.now();
  for (;;) {
    const c = await count({ db, store }).catch(() => 0);
    if (c >= n) return c;
    if (performance.now() - t0 > ms) throw new Error(store + ' holds ' + c + ' rows, not ' + n + ', after ' + ms + ' ms');
    await new Promise((r) => setTimeout(r, 100));
  }
}`;

export const SEARCH_SCRIPT = `async (qs) => {
  const input = document.querySelector('input[type=search]');
  const shown = (q) => document.querySelector('[data-results-for="' + CSS.escape(q) + '"]');
  const times = [];
  for (const q of qs) {
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((done, fail) => {
      if (shown(q)) return done();
      const timer = setTimeout(() => { mo.disconnect(); fail(new Error('no results shown for ' + q)); }, 10000);
      const mo = new MutationObserver(() => { if (shown(q)) { clearTimeout(timer); mo.disconnect(); done(); } });
      mo.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    times.push(performance.now() - t0);
  }
  return times;
}`;

export const OPEN_SCRIPT = `async (n) => {
  const links = document.querySelectorAll('[data-testid=customer-list] a.row');
  const link = links[n % links.length];
  const name = link.querySelector('.name').textContent;
  const t0 = performance.now();
  link.click();
  await new Promise((done, fail) => {
    const ok = () => document.querySelector('[data-testid=customer-name]')?.textContent === name;
    if (ok()) return done();
    const timer = setTimeout(() => { mo.disconnect(); fail(new Error('customer page did not open')); }, 10000);
    const mo = new MutationObserver(() => { if (ok()) { clearTimeout(timer); mo.disconnect(); done(); } });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return performance.now() - t0;
}`;

/** From another page to 今日's first items (its lists drawn), as QUEUE_SCRIPT for the queues. */
export const TODAY_SCRIPT = `async () => {
  const link = document.querySelector('nav a[href="/today"]');
  const t0 = performance.now();
  link.click();
  await new Promise((done) => {
    const ok = () => document.querySelector('[data-testid=today] [data-testid=today-plans]');
    if (ok()) return done();
    const mo = new MutationObserver(() => { if (ok()) { mo.disconnect(); done(); } });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return performance.now() - t0;
}`;

export const QUEUE_SCRIPT = `async () => {
  const link = document.querySelector('nav a[href="/requests"]');
  const t0 = performance.now();
  link.click();
  await new Promise((done, fail) => {
    const ok = () => document.querySelector('[data-queue]');
    if (ok()) return done();
    const timer = setTimeout(() => { mo.disconnect(); fail(new Error('queue did not render')); }, 10000);
    const mo = new MutationObserver(() => { if (ok()) { clearTimeout(timer); mo.disconnect(); done(); } });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return performance.now() - t0;
}`;

/**
 * The longest main-thread task in [from, to] as a recordable figure: the longtask API sees only
 * tasks over 50 ms, so "none" is written as 50 with that said (an upper bound, not a measurement).
 */
export async function longestTask(page: Page, from: number, to: number): Promise<{ value: number; reason?: string }> {
  const [at, ms, n] = await run<[number, number, number]>(page, LONGEST_TASK, { from, to }, 5_000, 'long tasks');
  return ms > 0 ? { value: ms, reason: `it began ${Math.round(at)} ms after navigation; ${n} task${n === 1 ? '' : 's'} over 50 ms` } : { value: 50, reason: 'upper bound: no task over 50 ms was observed (the longtask API reports only longer ones)' };
}

/**
 * On a freshly opened /requests/new: as soon as the form can take a request (the categories,
 * which come from the office's settings, are in), fill it and save; done when the app shows the
 * saved request's page and the row is in IndexedDB. Returns that moment on the page's timeline
 * (0 = navigation start).
 */
export const NEW_REQUEST_SCRIPT = `async ({ db, ms, text }) => {
  const t0 = performance.now();
  const until = (test) => new Promise((done, fail) => {
    const v = test();
    if (v) return done(v);
    const timer = setTimeout(() => { mo.disconnect(); fail(new Error('gave up after ' + ms + ' ms: ' + (document.querySelector('main')?.innerText ?? '').slice(0, 200))); }, ms - (performance.now() - t0));
    const mo = new MutationObserver(() => {
      const v = test();
      if (v) { clearTimeout(timer); mo.disconnect(); done(v); }
    });
    mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const form = await until(() => {
    const category = document.querySelector('select[name=category]');
    const description = document.querySelector('textarea[name=description]');
    return category && category.options.length && description ? description.form : null;
  });
  performance.mark('linli:bench-form');
  const type = (el, value) => { el.value = value; el.dispatchEvent(new Event('input', { bubbles: true })); };
  type(form.querySelector('input[name=location]'), '3-2-1101 厨房');
  type(form.querySelector('textarea[name=description]'), text);
  form.querySelector('button[type=submit]').click();
  const id = await until(() => {
    const problems = document.querySelector('ul.problems');
    if (problems) return 'problems:' + problems.innerText;
    const m = location.pathname.match(/^\\/requests\\/([^/]+)$/);
    return m && m[1] !== 'new' && document.querySelector('[data-testid=request-number]') ? m[1] : null;
  });
  if (id.startsWith('problems:')) throw new Error('refused: ' + id);
  const stored = () => new Promise((resolve, reject) => {
    const open = indexedDB.open(db);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const d = open.result;
      const req = d.transaction('requests').objectStore('requests').get(id);
      req.onsuccess = () => { d.close(); resolve(!!req.result); };
      req.onerror = () => { d.close(); reject(req.error); };
    };
  });
  while (!(await stored())) {
    if (performance.now() - t0 > ms) throw new Error('request ' + id + ' not in IndexedDB');
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now();
}`;

/** On a customer's page: notes (on the shared clock, ms since the epoch) when its name reads `name`. */
export const WATCH_NAME_SCRIPT = `({ name }) => {
  window.__linliSeen = null;
  const shown = () => document.querySelector('[data-testid=customer-name]')?.textContent === name;
  const mo = new MutationObserver(() => {
    if (shown()) { window.__linliSeen = performance.timeOrigin + performance.now(); mo.disconnect(); }
  });
  mo.observe(document.body, { subtree: true, childList: true, characterData: true });
  return true;
}`;

/**
 * On a customer's page: 编辑, type a new name, 保存; returns [pressed, saved] on the shared clock
 * (ms since the epoch): the moment 保存 was pressed and the moment the page said 已保存.
 */
export const EDIT_NAME_SCRIPT = `async ({ name, ms }) => {
  const t0 = performance.now();
  const until = (test) => new Promise((done, fail) => {
    const v = test();
    if (v) return done(v);
    const timer = setTimeout(() => { mo.disconnect(); fail(new Error('edit gave up after ' + ms + ' ms')); }, ms - (performance.now() - t0));
    const mo = new MutationObserver(() => { const v = test(); if (v) { clearTimeout(timer); mo.disconnect(); done(v); } });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const edit = await until(() => [...document.querySelectorAll('.page-head .actions button')].find((b) => b.textContent === '编辑'));
  edit.click();
  const input = await until(() => document.querySelector('form input[name=name]'));
  input.value = name;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const pressed = performance.timeOrigin + performance.now();
  input.form.querySelector('button[type=submit]').click();
  await until(() => document.querySelector('p.saved'));
  return [pressed, performance.timeOrigin + performance.now()];
}`;

/** `n` round trips of a 200-byte message through a websocket echo server; their times in ms. */
export const ECHO_SCRIPT = `async ({ url, n }) => {
  const sock = new WebSocket(url);
  sock.binaryType = 'arraybuffer';
  await new Promise((r, j) => { sock.onopen = r; sock.onerror = () => j(new Error('echo socket failed')); setTimeout(() => j(new Error('echo socket timeout')), 10000); });
  const times = [];
  const payload = new Uint8Array(200);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await new Promise((r, j) => { sock.onmessage = r; setTimeout(() => j(new Error('no echo')), 5000); sock.send(payload); });
    times.push(performance.now() - t0);
  }
  sock.close();
  return times;
}`;
