// The end-to-end journey of the demo grid app (issue 24 item 4), in real Chromium over the real
// demo server (scripts/demo.mjs, as `npm start` runs it): the grid worker 王伟 inspects a place and
// fails an item, which she reports as a hazard; she goes offline, reports another hazard with a
// photo, and comes back online; a resident reports a tip-off from the place's QR link; the
// supervisor 赵建国 finds the worker's hazards in the ledger and moves the offline one through 核实 and
// 交办; the worker sees it as 已交办 in her 隐患 tab, next to the resident's tip-off. Each record is on
// the server exactly once. One server, one browser: the CI budget of issue 24 is 2 minutes in all.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { TargetType } from 'puppeteer-core';
import type { Browser, BrowserContext, CDPSession, Page } from 'puppeteer-core';
import { launchChromium } from '../../bench/lib/context.js';
import { startDemo } from '../../scripts/demo.mjs';
import type { RunningDemo } from '../../scripts/demo.mjs';

// Page code is passed as strings: tsx would add `__name` helpers to functions the page cannot see.
const DEEP = '((root) => { const out = []; const walk = (r) => { for (const e of r.querySelectorAll("*")) { out.push(e); if (e.shadowRoot) walk(e.shadowRoot); } }; walk(root); return out; })';
const find = (test: string): string => `${DEEP}(document).find((e) => ${test})`;
const TIMEOUT = { timeout: 20_000 };
const GRID = '140105004001001';

/** A small photo on disk, as the phone's camera would hand it over. */
function photoFile(dir: string, name: string, rgb: [number, number, number]): string {
  const png = new PNG({ width: 320, height: 240 });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = rgb[0]; png.data[i + 1] = rgb[1]; png.data[i + 2] = rgb[2]; png.data[i + 3] = 255;
  }
  const path = join(dir, name);
  writeFileSync(path, PNG.sync.write(png));
  return path;
}

/** Watches a page for errors, failed requests (except those the test causes offline) and console errors. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(m.text())) problems.push(`console: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${String(r.status())} ${r.request().method()} ${r.url()}`); });
  return problems;
}

async function signIn(page: Page, url: string, user: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(`!!${find(`e.matches("button[data-user=${user}]")`)}`, TIMEOUT);
  await page.evaluate(`${find(`e.matches("button[data-user=${user}]")`)}.click()`);
}

async function tab(page: Page, label: string): Promise<void> {
  const sel = find(`e.getAttribute("role") === "tab" && e.textContent.trim() === "${label}"`);
  await page.waitForFunction(`!!${sel}`, TIMEOUT);
  await page.evaluate(`${sel}.click()`);
}

/** Clicks what `clickExpr` names and answers the file chooser it opens with `file`. */
async function choosePhoto(page: Page, clickExpr: string, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForFileChooser({ timeout: 10_000 }), page.evaluate(clickExpr)]);
  await chooser.accept([file]);
}

/** The page and its service worker both lose (or get back) the network. */
async function network(page: Page, sw: CDPSession, online: boolean): Promise<void> {
  await sw.send('Network.emulateNetworkConditions', { offline: !online, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.setOfflineMode(!online);
}

describe('the demo grid app, end to end: inspection → hazard, offline report, tip-off, 核实 and 交办, seen by the worker', () => {
  let browser: Browser | undefined;
  let demo: RunningDemo | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'firegrid-journey-'));
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string): void => { const now = Date.now(); timings[name] = now - mark; mark = now; };

  before(async () => {
    [demo, browser] = await Promise.all([startDemo({ port: 0, log: () => undefined }), launchChromium()]);
    lap('start demo + browser');
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    rmSync(dir, { recursive: true, force: true });
    process.stdout.write(`# journey timings (ms): ${JSON.stringify(timings)}\n`);
  });

  it('runs the closed loop as its users would, and every record is on the server once', async () => {
    assert.ok(browser && demo, 'the demo and the browser started');
    const url = demo.url;
    const failPhoto = photoFile(dir, 'fail.png', [200, 60, 40]);
    const offlinePhoto = photoFile(dir, 'offline.png', [40, 90, 200]);
    const api = async (user: string, path: string): Promise<unknown> => {
      const token = ((await (await fetch(`${url}api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) })).json()) as { token: string }).token;
      return (await fetch(`${url}api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
    };
    interface Found { id: string; status: string; source: string; gridId?: string; photos: unknown[]; itemId?: string; inspectionId?: string; reporter: { confidential: boolean } }
    const hazardsNamed = async (q: string): Promise<Found[]> => ((await api('zhaojianguo', `/hazards?limit=50&q=${encodeURIComponent(q)}`)) as { items: Found[] }).items;

    // ── The worker's phone: she signs in and inspects the e-bike shed of her grid.
    const workerContext: BrowserContext = await browser.createBrowserContext();
    const worker = await workerContext.newPage();
    const workerProblems = watch(worker);
    await signIn(worker, url, 'wangwei');
    const shed = 'e.matches("button.place") && /充电棚/.test(e.textContent)';
    await worker.waitForFunction(`!!${find(shed)}`, TIMEOUT);
    await worker.evaluate(`${find(shed)}.click()`);
    const checklist = find('e.localName === "fg-checklist"');
    await worker.waitForFunction(`((c) => c && c.shadowRoot && c.shadowRoot.querySelector('[part~="item"], .choose button'))(${checklist})`, TIMEOUT);
    await worker.evaluate(`((c) => { const b = c.shadowRoot.querySelector('.choose button'); if (b) b.click(); })(${checklist})`);
    await worker.waitForFunction(`((c) => c.shadowRoot.querySelectorAll('[part~="item"]:not([hidden])').length > 0)(${checklist})`, TIMEOUT);
    lap('worker: sign in, open the checklist');

    // She fails the first item: 不合格, a note and a photo (the evidence the item asks for).
    const failedItem = await worker.evaluate(`((c) => { const item = c.shadowRoot.querySelector('[part~="item"]:not([hidden])'); item.querySelector('input[value=fail]').click(); return item.dataset.item; })(${checklist})`) as string;
    await worker.waitForFunction(`!!${checklist}.shadowRoot.querySelector('[data-item="${failedItem}"] textarea[data-note]')`, TIMEOUT);
    await worker.evaluate(`((t) => { t.value = '车棚内 5 处插线板串接充电'; t.dispatchEvent(new Event('input', { bubbles: true })); t.dispatchEvent(new Event('change', { bubbles: true })); })(${checklist}.shadowRoot.querySelector('[data-item="${failedItem}"] textarea[data-note]'))`);
    await choosePhoto(worker, `${checklist}.shadowRoot.querySelector('[data-item="${failedItem}"] [data-photo]').click()`, failPhoto);
    await worker.waitForFunction(`!!${checklist}.shadowRoot.querySelector('[data-item="${failedItem}"] figure.photo')`, TIMEOUT);
    // Every other item 合格, again while conditional items appear.
    for (let round = 0; round < 10; round++) {
      const clicked = await worker.evaluate(`((c) => { const open = [...c.shadowRoot.querySelectorAll('[part~="item"]:not([hidden]) input[type=radio][value=pass]')].filter((r) => !c.shadowRoot.querySelector('input[type=radio][name="' + r.name + '"]:checked')); open.forEach((r) => r.click()); return open.length; })(${checklist})`) as number;
      if (clicked === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await worker.evaluate(`${checklist}.shadowRoot.querySelector('[part~="submit"]').click()`);
    // The failed item is a hazard draft; she reports it (上报) from the checklist's handoff.
    const handoff = `!!${checklist}.shadowRoot.querySelector('[part~="handoff"] li.draft[data-state=pending] button.report')`;
    await worker.waitForFunction(handoff, { timeout: 5_000 }).catch(async () => {
      const said = await worker.evaluate(`${checklist}.shadowRoot.textContent.replace(/\\s+/g, ' ').slice(-300)`) as string;
      throw new Error(`no hazard handoff after the submit; the checklist says: ${said}`);
    });
    const fromInspection = await worker.evaluate(`${checklist}.shadowRoot.querySelector('[part~="handoff"] li.draft').dataset.draft`) as string;
    await worker.evaluate(`${checklist}.shadowRoot.querySelector('[part~="handoff"] li.draft button.report').click()`);
    // Stored by the server, or queued on the device's outbox, which sends it at once (checked on the server below).
    await worker.waitForFunction(`['reported', 'queued'].includes(${checklist}.shadowRoot.querySelector('[part~="handoff"] li.draft').dataset.state)`, TIMEOUT).catch(async () => {
      const said = await worker.evaluate(`((li) => li.dataset.state + ': ' + li.textContent.replace(/\\s+/g, ' ').slice(-300))(${checklist}.shadowRoot.querySelector('[part~="handoff"] li.draft'))`) as string;
      throw new Error(`the failed item's hazard was not reported; the handoff says ${said}`);
    });
    lap('worker: fail an item, submit, report its hazard');

    // 上报, while she still has signal: the form, and the place chosen from her grid's places.
    await tab(worker, '上报');
    const form = find('e.localName === "fg-hazard-report"');
    await worker.waitForFunction(`((r) => r && r.shadowRoot && r.shadowRoot.querySelector('#place-q'))(${form})`, TIMEOUT);
    await worker.evaluate(`((r) => { const q = r.shadowRoot.querySelector('#place-q'); q.value = '充电棚'; q.dispatchEvent(new Event('input', { bubbles: true })); r.shadowRoot.querySelector('#search-place').click(); })(${form})`);
    await worker.waitForFunction(`!!${form}.shadowRoot.querySelector('ul.results button')`, TIMEOUT);
    await worker.evaluate(`${form}.shadowRoot.querySelector('ul.results button').click()`);
    await worker.waitForFunction(`!!${form}.shadowRoot.querySelector('#clear-place')`, TIMEOUT);

    // ── Offline (a basement without signal): the page and the service worker lose the network.
    await worker.waitForFunction('navigator.serviceWorker.controller !== null', TIMEOUT);
    const swTarget = await browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(url) && t.browserContext() === workerContext, { timeout: 10_000 });
    const sw = await swTarget.createCDPSession();
    await sw.send('Network.enable');
    await network(worker, sw, false);
    const offlineTitle = '离线上报：充电棚北侧灭火器箱被盗';
    await worker.evaluate(`((r) => {
      const c = r.shadowRoot.querySelector('#category'); c.value = 'extinguisher'; c.dispatchEvent(new Event('change', { bubbles: true }));
      const d = r.shadowRoot.querySelector('#description'); d.value = '${offlineTitle}'; d.dispatchEvent(new Event('input', { bubbles: true }));
    })(${form})`);
    await choosePhoto(worker, `${form}.shadowRoot.querySelector('[part~="photo-add"]').click()`, offlinePhoto);
    await worker.waitForFunction(`${form}.shadowRoot.querySelectorAll('[part~="photos"] img, .photo-tile img').length > 0`, TIMEOUT);
    await worker.evaluate(`${form}.shadowRoot.querySelector('#submit').click()`);
    // The result stays on screen: 待发送 on the device, in the warning tone.
    await worker.waitForFunction(`/待发送/.test(${form}.shadowRoot.querySelector('[part~="result-title"]')?.textContent ?? '')`, TIMEOUT);
    assert.deepEqual(await hazardsNamed('灭火器箱被盗'), [], 'nothing reached the server while offline');
    lap('worker offline: report with a photo, queued');

    // ── Back online: the outbox sends it, and the result says 已发送.
    await network(worker, sw, true);
    await worker.waitForFunction(`/已发送/.test(${form}.shadowRoot.querySelector('[part~="result-title"]')?.textContent ?? '')`, { timeout: 30_000 });
    await sw.detach();
    // 查看记录 on the result opens the hazard in her 隐患 tab.
    await worker.evaluate(`${form}.shadowRoot.querySelector('#records').click()`);
    await worker.waitForFunction(`${find('e.getAttribute("role") === "tab" && e.getAttribute("aria-selected") === "true"')}.textContent.trim() === '隐患'`, TIMEOUT);
    await worker.waitForFunction(`/灭火器箱被盗/.test(${find('e.id === "d-title"')}?.textContent ?? '')`, TIMEOUT);
    lap('worker online: the outbox sends it, 查看记录');

    // ── A resident scans the shed's QR code and reports what he saw (confidential).
    const phoneContext = await browser.createBrowserContext();
    const phone = await phoneContext.newPage();
    const phoneProblems = watch(phone);
    const shedId = ((await api('wangwei', `/places?gridId=${GRID}&limit=100`)) as { items: { id: string; name: string }[] }).items.find((p) => p.name.includes('充电棚'))?.id ?? '';
    await phone.goto(`${url}#/tip-off/${shedId}?grid=${GRID}&at=${encodeURIComponent('府东花园电动自行车集中充电棚')}`);
    const tipForm = find('e.localName === "fg-hazard-report"');
    await phone.waitForFunction(`((r) => r && r.shadowRoot && r.shadowRoot.querySelector('#description'))(${tipForm})`, TIMEOUT);
    await phone.evaluate(`((r) => {
      const c = r.shadowRoot.querySelector('#category'); c.value = 'electrical'; c.dispatchEvent(new Event('change', { bubbles: true }));
      const d = r.shadowRoot.querySelector('#description'); d.value = '群众举报：充电棚夜里有人拖线板接电'; d.dispatchEvent(new Event('input', { bubbles: true }));
    })(${tipForm})`);
    await phone.evaluate(`${tipForm}.shadowRoot.querySelector('#submit').click()`);
    await phone.waitForFunction(`!!${tipForm}.shadowRoot.querySelector('#reference')`, TIMEOUT);
    // His phone's outbox sends it right after the submit; he keeps the page open until it has.
    for (let i = 0; i < 100 && (await hazardsNamed('拖线板接电')).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await phoneContext.close();
    lap('resident: tip-off from the QR link');

    // ── The supervisor's desk: he finds both of her hazards in the ledger and moves the offline one on.
    const deskContext = await browser.createBrowserContext();
    const desk = await deskContext.newPage();
    const deskProblems = watch(desk);
    await desk.setViewport({ width: 1200, height: 900 });
    await signIn(desk, url, 'zhaojianguo');
    const ledger = find('e.localName === "fg-hazard-ledger"');
    const search = async (q: string): Promise<void> => {
      await desk.waitForFunction(`!!${ledger}?.shadowRoot?.querySelector('#f-q')`, TIMEOUT);
      await desk.evaluate(`((l) => { const i = l.shadowRoot.querySelector('#f-q'); i.value = ${JSON.stringify(q)}; i.dispatchEvent(new Event('input', { bubbles: true })); l.shadowRoot.querySelector('#f-apply').click(); })(${ledger})`);
    };
    await search('灭火器箱被盗');
    await desk.waitForFunction(`${DEEP}(document).filter((e) => e.matches('[part~="row"]')).length === 1`, TIMEOUT);
    const offlineId = await desk.evaluate(`${find('e.matches("button[data-hazard]")')}.dataset.hazard`) as string;
    const checklistTitle = (await api('zhaojianguo', `/hazards/${fromInspection}`)) as { title: string };
    await search(checklistTitle.title.slice(0, 8));
    await desk.waitForFunction(`!!${find(`e.matches('button[data-hazard="${fromInspection}"]')`)}`, TIMEOUT);
    // 核实, then 交办 with the responsible unit, the deadline and the measures.
    await search('灭火器箱被盗');
    await desk.waitForFunction(`!!${find(`e.matches('button[data-hazard="${offlineId}"]')`)}`, TIMEOUT);
    await desk.evaluate(`${find(`e.matches('button[data-hazard="${offlineId}"]')`)}.click()`);
    const act = async (action: string, fill: Record<string, string>): Promise<void> => {
      await desk.waitForFunction(`!!${find(`e.matches('[data-action="${action}"]')`)}`, TIMEOUT);
      await desk.evaluate(`${find(`e.matches('[data-action="${action}"]')`)}.click()`);
      await desk.waitForFunction(`!!${find('e.id === "t-confirm"')}`, TIMEOUT);
      for (const [id, value] of Object.entries(fill)) {
        await desk.evaluate(`((f) => { f.value = ${JSON.stringify(value)}; f.dispatchEvent(new Event(f.localName === 'select' ? 'change' : 'input', { bubbles: true })); })(${find(`e.id === "${id}"`)})`);
      }
      await desk.evaluate(`${find('e.id === "t-confirm"')}.click()`);
    };
    await act('verify', {});
    await desk.waitForFunction(`!!${find('e.matches(\'[data-action="assign"]\')')}`, TIMEOUT);
    const deadline = new Date(Date.now() + 7 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await act('assign', { 't-unit': '府东花园物业服务中心', 't-person': '韩磊', 't-phone': '13603510456', 't-deadline': deadline, 't-measures': '补齐 4 具 ABC 干粉灭火器，每月检查' });
    const assigned = async (): Promise<string> => ((await api('zhaojianguo', `/hazards/${offlineId}`)) as { status: string }).status;
    for (let i = 0; i < 50 && await assigned() !== 'assigned'; i++) await new Promise((r) => setTimeout(r, 200));
    assert.equal(await assigned(), 'assigned', 'verified and assigned on the server');
    await deskContext.close();
    lap('supervisor: find both, 核实, 交办');

    // ── The worker's 隐患: the hazard is 已交办, and the resident's tip-off is in her grid's ledger.
    await tab(worker, '我的');
    await tab(worker, '隐患');
    const row = (text: string): string => find(`e.matches('[part~="row"]') && e.textContent.includes(${JSON.stringify(text)})`);
    await worker.waitForFunction(`/已交办/.test(${row('灭火器箱被盗')}?.textContent ?? '')`, TIMEOUT);
    await worker.waitForFunction(`!!${row('拖线板接电')}`, TIMEOUT);
    lap('worker: 已交办 in 隐患, the tip-off listed');

    // ── On the server, each record exactly once.
    const offline = await hazardsNamed('灭火器箱被盗');
    assert.equal(offline.length, 1, 'the offline report is on the server once');
    assert.equal(offline[0]?.status, 'assigned');
    assert.equal(offline[0].photos.length, 1, 'with its photo');
    const inspected = ((await api('zhaojianguo', `/hazards?limit=500&gridId=${GRID}`)) as { items: Found[] }).items.filter((h) => h.source === 'inspection');
    assert.deepEqual(inspected.map((h) => [h.id, h.status, h.itemId]), [[fromInspection, 'reported', failedItem]], 'the failed item\'s hazard is on the server once');
    assert.equal(inspected[0]?.photos.length, 1, 'with the photo taken for the failed item');
    const inspections = ((await api('zhaojianguo', `/inspections?placeId=${shedId}`)) as { items: { id: string; state: string }[] }).items;
    assert.deepEqual(inspections.map((i) => i.state), ['submitted'], 'one submitted inspection of the shed');
    assert.equal(inspected[0].inspectionId, inspections[0]?.id);
    const tips = await hazardsNamed('拖线板接电');
    assert.deepEqual(tips.map((h) => [h.source, h.gridId, h.reporter.confidential]), [['public', GRID, true]], 'the tip-off is on the server once, confidential');
    assert.deepEqual(workerProblems.filter((p) => !/ERR_INTERNET_DISCONNECTED|net::/.test(p)), []);
    assert.deepEqual(phoneProblems, []);
    assert.deepEqual(deskProblems, []);
    await workerContext.close();
  });
});
