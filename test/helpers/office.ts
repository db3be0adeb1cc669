import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { until, whenSynced, yClient } from './client';
import { createInvitation } from './device-api';
import { takeProfile } from './pin';

/** Puts a whole document into a relay room through a Node y-websocket client and waits until a second client sees it there. */
export async function pushDoc(wsBase: string, room: string, token: string, doc: Y.Doc, check: (d: Y.Doc) => boolean): Promise<void> {
  const a = yClient(wsBase, room, token, doc);
  await whenSynced(a.provider);
  const b = yClient(wsBase, room, token);
  await until(() => check(b.doc), [b.doc], 60_000, `relay to hold ${room}`);
  a.provider.destroy();
  b.provider.destroy();
}

/**
 * Opens an invitation link of the office in the browser and takes the staff profile `staff`
 * (pushed without a PIN, as an office from before PINs: it sets the e2e helpers' PIN on first use).
 */
export async function joinOffice(page: Page, base: string, ws: string, office: { id: string; token: string }, name: string, staff: string): Promise<void> {
  const invite = await createInvitation(ws.replace(/^ws/, 'http').replace('//localhost', '//127.0.0.1'), office.id, office.token);
  const params = new URLSearchParams({ relay: ws.replace('127.0.0.1', 'localhost'), office: office.id, invite, name });
  await page.goto(`${base}/join#${params}`);
  await takeProfile(page, new RegExp(staff));
  // The app opens on 今日; callers continue from the customer list.
  await page.getByRole('heading', { name: '今日', exact: true }).waitFor({ timeout: 60_000 });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '客户' }).click();
}
