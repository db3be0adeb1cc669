import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CommandContext } from '../../src/domain/actor';
import { decideSettlement, investigate, proposeSettlement } from '../../src/domain/requests/complaint';
import { takeRequest } from '../../src/domain/requests/lifecycle';
import { requestFromRecord } from '../../src/domain/requests/record';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import { shardOf } from '../../src/domain/requests/shard';
import type { Result } from '../../src/domain/result';
import type { Command } from '../../src/domain/ops';
import { applyCommand } from '../../src/store/apply';
import { zhCN as zh } from '../../src/i18n/zh-CN';
import { benchActor } from '../bench/seed';
import { readTimeline } from '../helpers/app';
import { ARTIFACTS, expectRealChinese, openPrintPreview, pdfPageToPng, printToPdf, type PrintedPdf } from '../helpers/pdf';
import { imagesLoaded as picturesLoaded, shootBothSizes } from '../helpers/pictures-page';
import { closeSeededOffice, openSeededOffice, type SeededOffice } from '../helpers/seeded-office';

/**
 * A complaint's settlement agreement signed on the tablet (issue 19, point 4), in real Chromium
 * against the real relay: a 投诉 brought to an approved settlement, the resident signs it with
 * pointer events on the signature pad; the complaint is then 协议已签字, its history names who
 * recorded it, when, who signed and what; and the printed 客户投诉登记表 shows the signature on
 * its 客户签字（同意协议） line — checked on the PDF's pixels in that box, against the same box
 * printed before signing.
 */
const run = promisify(execFile);
const OFFICE = '翠湖花园管理处';
const SETTLEMENT = '周一上午由秩序部主管上门致歉，装修限定8:00-18:00';
let app: SeededOffice | undefined;
let page: Page;
let base: string;
let complaintId = '';
let complaintNumber = '';

/** The complaint as staff would have worked it so far: taken, investigated, settlement proposed and approved by the manager. */
function buildLedger(): { doc: Y.Doc; shard: string } {
  const doc = new Y.Doc();
  const map = doc.getMap<Y.Map<unknown>>('requests');
  const ctx = (min: number): CommandContext => ({ actor: benchActor, now: new Date(Date.now() - (60 - min) * 60_000).toISOString() });
  const made = takeRequest({ kind: 'complaint', category: 'noise', urgency: 'normal', channel: 'walkIn', description: '楼上1102装修噪音，晚上十点后仍在施工', customerId: '', customerName: '张伟', unitCode: '3-2-1101', phone: '13812345678', location: '' }, 'TS-2612-A-001', defaultServiceSettings(), ctx(0));
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  applyCommand(doc, made.value.command, 'seed');
  complaintId = made.value.id;
  complaintNumber = 'TS-2612-A-001';
  const read = () => requestFromRecord(complaintId, (map.get(complaintId) as Y.Map<unknown>).toJSON());
  const step = (r: Result<Command>) => { if (!r.ok) throw new Error(JSON.stringify(r.problems)); applyCommand(doc, r.value, 'seed'); };
  step(investigate(read(), { facts: '1102室业主装修，22:00后仍使用电钻', cause: '夜间巡查未覆盖装修单元', responsibility: 'company', severity: 'general' }, ctx(10)));
  step(proposeSettlement(read(), SETTLEMENT, ['apology'], ctx(20), 'proposal-1'));
  step(decideSettlement(read(), 'proposal-1', true, '同意', 'manager', ctx(30)));
  return { doc, shard: shardOf(read()) };
}

const shoot = (name: string) => shootBothSizes(page, name);

const imagesLoaded = (selector: string, n: number) => picturesLoaded(page, selector, n);

const DPI = 100;
const px = (pt: number) => Math.round((pt * DPI) / 72);
const mm = (v: number) => (v * 72) / 25.4;

/**
 * The ink in the printed form's 客户签字（同意协议） box: on the page with that label, the area
 * right of the label up to the next label on its line (日期), from 14 mm (the printed signature’s height) above that line's rule
 * down to just above it. Rendered grey at 100 dpi (`pdftoppm -gray` writes a PGM, read here
 * byte-wise); the rule is the first all-dark pixel row below the label's middle (found in the
 * pixels: pdftotext's word boxes are a font's height, not the glyphs'). The answer is how many
 * pixel rows above the rule hold ink (≥ 3 dark pixels): a signature spans many, an empty line none.
 */
async function inkInAgreementBox(pdf: PrintedPdf, name: string): Promise<{ page: number; rows: number }> {
  const { stdout } = await run('pdftotext', ['-bbox', pdf.path, '-'], { maxBuffer: 64 << 20 });
  const pages = stdout.split('<page ').slice(1);
  for (let p = 0; p < pages.length; p++) {
    const words = [...pages[p].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5] }));
    const label = words.find((w) => w.text.startsWith(zh['form.customerAgreement']));
    if (!label) continue;
    const next = words.filter((w) => w.x0 > label.x1 + 2 && Math.abs(w.y1 - label.y1) < 4 && w.text.startsWith(zh['print.date'])).sort((a, b) => a.x0 - b.x0)[0];
    const x0 = px(label.x1 + 4);
    const x1 = px(next ? next.x0 - 6 : label.x1 + mm(60));
    const y0 = px(label.y0 - mm(20));
    const y1 = px(label.y1 + mm(3));
    const prefix = resolve(ARTIFACTS, name);
    await run('pdftoppm', ['-gray', '-r', String(DPI), '-f', String(p + 1), '-l', String(p + 1), '-x', String(x0), '-y', String(y0), '-W', String(x1 - x0), '-H', String(y1 - y0), '-singlefile', pdf.path, prefix]);
    const pgm = await readFile(`${prefix}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('not a PGM');
    const [w, h] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(header[0].length);
    const darkIn = (y: number) => {
      let dark = 0;
      for (let x = 0; x < w; x++) if (pixels[y * w + x] < 110) dark++;
      return dark;
    };
    let rule = px((label.y0 + label.y1) / 2) - y0;
    while (rule < h && darkIn(rule) < w * 0.8) rule++;
    if (rule >= h) throw new Error(`no rule under ${zh['form.customerAgreement']}`);
    let rows = 0;
    for (let y = Math.max(0, rule - px(mm(14))); y < rule - 1; y++) if (darkIn(y) >= 3) rows++;
    return { page: p + 1, rows };
  }
  throw new Error(`no ${zh['form.customerAgreement']} on the printed form`);
}

async function printComplaint(name: string, signed: boolean): Promise<PrintedPdf> {
  await openPrintPreview(page, `${base}/print/request?id=${complaintId}`);
  // The signature is read from this tablet's blob table: printed once it has drawn.
  if (signed) await imagesLoaded('[data-testid=printed-signature] img', 1);
  const pdf = await printToPdf(page, name);
  expectRealChinese(pdf, [zh['form.complaint']]);
  return pdf;
}

beforeAll(async () => {
  const ledger = buildLedger();
  app = await openSeededOffice({
    prefix: 'linli-settlement-sign-', officeName: OFFICE,
    shards: [{ shard: ledger.shard, doc: ledger.doc, ready: (d) => d.getMap('requests').size === 1 }],
  });
  ({ page, base } = app);
  await page.goto(`${base}/requests/${complaintId}`);
  await page.getByTestId('signature-card').waitFor({ timeout: 60_000 });
});

afterAll(() => closeSeededOffice(app));

describe('a complaint’s settlement agreement signed on the tablet', () => {
  it('the resident signs with pointer events: 协议已签字, in the history, and on the printed 投诉登记表 in its box', async () => {
    expect(await page.getByTestId('complaint-stage').textContent()).toBe(zh['stage.approved']);
    // The control: the form printed before signing has nothing in the agreement's box.
    const unsigned = await inkInAgreementBox(await printComplaint('complaint-unsigned', false), 'complaint-unsigned-box');
    expect(unsigned.rows).toBeLessThan(5);
    await page.goto(`${base}/requests/${complaintId}`);
    await page.getByTestId('signature-card').waitFor({ timeout: 60_000 });
    const stepsBefore = (await readTimeline(page)).length;

    // Only the settlement is offered (the work is not done: no 服务确认 yet).
    expect(await page.locator('[data-testid=signature-line]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-purpose')))).toEqual(['settlement']);
    await page.getByRole('button', { name: `请住户签名：${zh['signature.purpose.settlement']}` }).click();
    const form = page.getByTestId('signature-pad');
    expect(await form.getByLabel(zh['signature.signer']).inputValue()).toBe('张伟');
    // Saving with nothing drawn says so.
    await page.getByRole('button', { name: zh['signature.save'] }).click();
    await form.getByText(zh['signature.empty']).waitFor();
    const pad = page.getByTestId('signature-canvas');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    // The resident's name written in three strokes (the mouse drives pointer events, as a finger would).
    const strokes = [[[0.08, 0.55], [0.18, 0.25], [0.26, 0.7], [0.34, 0.3]], [[0.4, 0.5], [0.55, 0.42], [0.66, 0.62]], [[0.72, 0.28], [0.79, 0.78], [0.9, 0.36]]];
    for (const stroke of strokes) {
      await page.mouse.move(box.x + stroke[0][0] * box.width, box.y + stroke[0][1] * box.height);
      await page.mouse.down();
      for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
      await page.mouse.up();
    }
    await shoot('settlement-signature-pad');
    await page.getByRole('button', { name: zh['signature.save'] }).click();
    await imagesLoaded('[data-testid=signature-shown] img', 1);
    await expect.poll(() => page.getByTestId('signature-shown').textContent()).toContain('张伟 签名 · ');

    // Signing the settlement on the tablet is the signed agreement: the complaint moves on.
    await expect.poll(() => page.getByTestId('complaint-stage').textContent()).toBe(zh['stage.signed']);
    const steps = await readTimeline(page);
    expect(steps.slice(stepsBefore).map((s) => `${s.what} · ${s.who}`)).toEqual([`${zh['request.agreementSigned']} · ${benchActor.name}`, `${zh['signature.signed']} · ${benchActor.name}`]);
    // Who signed, what was signed (the approved settlement) and the state then.
    expect(steps.at(-1)!.details).toContain(`张伟签名确认：${complaintNumber} · ${SETTLEMENT}`);
    expect(steps.at(-1)!.details).toContain(zh['reqstatus.inProgress']);
    // When: the step's time, as on every step.
    const when = await page.locator('[data-testid=timeline] > li').last().locator('time').getAttribute('datetime');
    expect(Date.now() - Date.parse(when!)).toBeLessThan(10 * 60_000);
    await shoot('settlement-signed');

    const pdf = await printComplaint('complaint-signed', true);
    const text = pdf.text.replace(/\s+/g, '');
    expect(text).toContain('张伟签名');
    // 处理协议: the day it was signed (on the tablet).
    expect(text).toMatch(new RegExp(`${zh['requests.agreement']}：?\\d{4}年\\d{1,2}月\\d{1,2}日`));
    const signed = await inkInAgreementBox(pdf, 'complaint-signed-box');
    expect(signed.rows).toBeGreaterThan(20);
    // The signature is the 600 × 200 picture embedded on that page.
    const { stdout } = await run('pdfimages', ['-list', '-f', String(signed.page), '-l', String(signed.page), pdf.path]);
    expect(stdout.split('\n').slice(2).some((l) => /^\s*\d+\s+\d+\s+image\s+600\s+200\b/.test(l))).toBe(true);
    await pdfPageToPng(pdf.path, `complaint-signed-p${signed.page}`, signed.page, 80);
  });
});
