/** print.register_200_rows_ms: a 200-row register to PDF (`page.pdf`, as window.print() lays it out), in an office of 200 customers; median of 5. */
import { spec, type Metric } from '../metric';
import { pushDoc, joinOffice } from '../../helpers/office';
import { wsUrl } from '../../helpers/relay';
import { median } from '../results';
import { within } from '../scope';
import { benchActor, directoryDoc, officeDoc } from '../seed';

export const print: Metric = {
  name: 'print',
  specs: [spec('print.register_200_rows_ms', 'ms', 3000)],
  needs: ['browser'],
  budgetMs: 90_000,
  async run({ bench, record, scope }) {
    const relay = await bench.relay();
    const ws = wsUrl(relay);
    const base = relay.url.replace('127.0.0.1', 'localhost');
    const name = '翠湖花园二期管理处';
    const small = await relay.offices.add(name);
    await pushDoc(ws, `${small.id}/office`, small.token, officeDoc(name), (d) => d.getMap('staff').size === 1);
    await pushDoc(ws, `${small.id}/directory`, small.token, directoryDoc(200, 300).doc, (d) => d.getMap('customers').size === 200);
    const context = scope.defer(await bench.context(), (c) => c.close());
    const page = await context.newPage();
    await joinOffice(page, base, ws, small, name, benchActor.name);
    await page.getByText('共 200 位客户').waitFor({ timeout: 60_000 });
    await page.goto(`${base}/print/customer-register`);
    await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor({ timeout: 60_000 });
    const rows = await page.locator('table.register tbody tr').count();
    if (rows !== 200) throw new Error(`register has ${rows} rows, not 200`);
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      scope.check();
      const t0 = performance.now();
      await within(page.pdf({ format: 'A4', preferCSSPageSize: true, displayHeaderFooter: false, printBackground: true }), 30_000, 'pdf');
      times.push(performance.now() - t0);
    }
    record('print.register_200_rows_ms', median(times.slice(1)));
  },
};
