// `npm start` is the demo grid app: started the way npm start starts it (scripts/demo.mjs, on a
// free port), a grid worker signs in through the server's dev-only sign-in, opens 巡查 and sees a
// checklist of one of her places, opens 上报 and sees the report form — over httpDataPort on one
// origin, under the strict CSP, with no failed request and no page error.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { TargetType } from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../../bench/lib/context.js';
import { startDemo } from '../../scripts/demo.mjs';
import type { RunningDemo } from '../../scripts/demo.mjs';

// Page code is passed as strings: tsx would add `__name` helpers to functions the page cannot see.
const DEEP = '((root) => { const out = []; const walk = (r) => { for (const e of r.querySelectorAll("*")) { out.push(e); if (e.shadowRoot) walk(e.shadowRoot); } }; walk(root); return out; })';
const find = (test: string): string => `${DEEP}(document).find((e) => ${test})`;

describe('npm start: the demo grid app', () => {
  let browser: Browser | undefined;
  let demo: RunningDemo | undefined;
  before(async () => {
    [demo, browser] = await Promise.all([startDemo({ port: 0, log: () => undefined }), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('signs in as the seeded grid worker, opens 巡查 and sees a checklist, opens 上报 and sees the report form', async () => {
    assert.ok(browser && demo, 'the demo and the browser started');
    // A context of its own: no session left on the device by another test.
    const page = await (await browser.createBrowserContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${String(r.status())} ${r.request().method()} ${r.url()}`); });
    const res = await page.goto(demo.url);
    assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'; style-src 'self'/, 'the app is served under the strict CSP');

    // The sign-in screen lists the seeded people with their roles, and says it is dev-only.
    await page.waitForFunction(`!!${find('e.matches("button[data-user=wangwei]")')}`, { timeout: 20_000 });
    const listed = await page.evaluate(`${DEEP}(document).filter((e) => e.matches('button[data-user]')).map((b) => b.textContent.replace(/\\s+/g, ' ').trim())`) as string[];
    assert.ok(listed.some((t) => /王伟.*网格员 · 府东社区/.test(t)), `王伟 is listed as 网格员 of 府东社区: ${listed.join(' | ')}`);
    assert.ok(listed.some((t) => /赵建国.*网格长/.test(t)), `the supervisor is listed: ${listed.join(' | ')}`);
    assert.match(await page.evaluate(`${find('e.matches("[role=note]")')}.textContent`) as string, /--dev/);
    await page.evaluate(`${find('e.matches("button[data-user=wangwei]")')}.click()`);

    // 巡查: the places of her grid (府东第一网格), fetched from the server with her token.
    await page.waitForFunction(`!!${find('e.matches("button.place")')}`, { timeout: 20_000 });
    const places = await page.evaluate(`${DEEP}(document).filter((e) => e.matches('button.place .name')).map((e) => e.textContent.trim())`) as string[];
    assert.ok(places.includes('府东花园 1 号楼'), `her grid's places are listed: ${places.join(', ')}`);
    assert.ok(!places.includes('许坦小学'), 'a place of another grid is not');
    assert.match(await page.evaluate(`${find('e.id === "patrol-h"')}.textContent`) as string, /府东第一网格/, 'the list names her grid');
    await page.evaluate(`${DEEP}(document).find((e) => e.matches('button.place') && e.querySelector('.name').textContent.trim() === '府东花园 1 号楼').click()`);
    // The checklist of the place: a choice of the templates that apply, or the items themselves.
    await page.waitForFunction(`((c) => c && c.shadowRoot && c.shadowRoot.querySelector('[part~="item"], .choose button'))(${find('e.localName === "fg-checklist"')})`, { timeout: 20_000 });
    await page.evaluate(`((c) => { const b = c.shadowRoot.querySelector('.choose button'); if (b) b.click(); })(${find('e.localName === "fg-checklist"')})`);
    await page.waitForFunction(`((c) => c.shadowRoot.querySelectorAll('[part~="item"]').length > 3)(${find('e.localName === "fg-checklist"')})`, { timeout: 20_000 });
    const header = await page.evaluate(`${find('e.localName === "fg-checklist"')}.shadowRoot.querySelector('[part~="header"]').textContent`) as string;
    assert.match(header, /府东花园 1 号楼/, 'the checklist is of the place chosen');

    // 上报: the hazard report form.
    await page.evaluate(`${find('e.getAttribute("role") === "tab" && e.textContent.trim() === "上报"')}.click()`);
    await page.waitForFunction(`((r) => r && r.shadowRoot && r.shadowRoot.querySelector('[part~="base"] select, [part~="base"] textarea'))(${find('e.localName === "fg-hazard-report"')})`, { timeout: 20_000 });
    const selected = await page.evaluate(`${find('e.getAttribute("role") === "tab" && e.getAttribute("aria-selected") === "true"')}.textContent.trim()`) as string;
    assert.equal(selected, '上报');
    // The government-blue theme (design tokens only) reaches inside the elements: the submit button is blue.
    const submitColour = await page.evaluate(`getComputedStyle(${find('e.localName === "fg-hazard-report"')}.shadowRoot.querySelector('button[type=submit]')).backgroundColor`) as string;
    assert.equal(submitColour, 'rgb(0, 82, 217)', 'the theme\'s --fg-color-primary (#0052d9) paints the primary button');
    assert.deepEqual(problems, []);
    await page.browserContext().close();
  });

  it('the worker inspects a place: the submitted inspection reaches the server and the place moves to 今天已巡查', async () => {
    assert.ok(browser && demo, 'the demo and the browser started');
    const page = await (await browser.createBrowserContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${String(r.status())} ${r.request().method()} ${r.url()}`); });
    await page.goto(demo.url);
    await page.waitForFunction(`!!${find('e.matches("button[data-user=wangwei]")')}`, { timeout: 20_000 });
    await page.evaluate(`${find('e.matches("button[data-user=wangwei]")')}.click()`);
    const shed = 'e.matches("button.place") && /充电棚/.test(e.textContent)';
    await page.waitForFunction(`!!${find(shed)}`, { timeout: 20_000 });
    const shedId = await page.evaluate(`${find(shed)}.dataset.place`) as string;
    assert.match(await page.evaluate(`${find(shed)}.textContent`) as string, /从未巡查/, 'the seed never inspected the shed');
    await page.evaluate(`${find(shed)}.click()`);
    const checklist = find('e.localName === "fg-checklist"');
    await page.waitForFunction(`((c) => c && c.shadowRoot.querySelectorAll('[part~="item"]').length > 0)(${checklist})`, { timeout: 20_000 });
    // 合格 on every item, again while conditional items appear.
    for (let round = 0; round < 10; round++) {
      const clicked = await page.evaluate(`((c) => { const open = [...c.shadowRoot.querySelectorAll('input[type=radio][value=pass]')].filter((r) => !c.shadowRoot.querySelector('input[type=radio][name="' + r.name + '"]:checked')); open.forEach((r) => r.click()); return open.length; })(${checklist})`) as number;
      if (clicked === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.evaluate(`${checklist}.shadowRoot.querySelector('[part~="submit"]').click()`);
    await page.waitForFunction(`/已提交/.test(${checklist}.shadowRoot.textContent)`, { timeout: 20_000 });
    // On the server (the outbox sends it at once): one submitted inspection of the shed by 王伟.
    const base = demo.url;
    const token = ((await (await fetch(`${base}api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"user":"zhaojianguo"}' })).json()) as { token: string }).token;
    const onServer = async (): Promise<{ state: string; inspectorId: string }[]> => ((await (await fetch(`${base}api/v1/inspections?placeId=${shedId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { state: string; inspectorId: string }[] }).items;
    let inspections = await onServer();
    for (let i = 0; i < 50 && inspections.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      inspections = await onServer();
    }
    assert.deepEqual(inspections.map((i) => [i.state, i.inspectorId]), [['submitted', 'wangwei']]);
    await page.evaluate(`${find('e.matches("button.back")')}.click()`);
    await page.waitForFunction(`/今天已巡查/.test(${find(shed)}?.textContent ?? '')`, { timeout: 20_000 });
    assert.deepEqual(problems, []);
    await page.browserContext().close();
  });

  it('gives the worker her other tabs: 隐患 (her grid\'s open hazards), 楼长, 考评 and 我的 with unsent items and sign-out', async () => {
    assert.ok(browser && demo, 'the demo and the browser started');
    // A context of its own: no session left on the device by another test.
    const page = await (await browser.createBrowserContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${String(r.status())} ${r.request().method()} ${r.url()}`); });
    await page.goto(demo.url);
    await page.waitForFunction(`!!${find('e.matches("button[data-user=wangwei]")')}`, { timeout: 20_000 });
    await page.evaluate(`${find('e.matches("button[data-user=wangwei]")')}.click()`);
    const tab = async (label: string): Promise<void> => {
      await page.waitForFunction(`!!${find(`e.getAttribute("role") === "tab" && e.textContent.trim() === "${label}"`)}`, { timeout: 20_000 });
      await page.evaluate(`${find(`e.getAttribute("role") === "tab" && e.textContent.trim() === "${label}"`)}.click()`);
    };
    // The tab bar works from the keyboard: arrow keys move the selection and the focus.
    await tab('巡查');
    await page.evaluate(`${find('e.getAttribute("role") === "tab" && e.textContent.trim() === "巡查"')}.focus()`);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(`${find('e.getAttribute("role") === "tab" && e.getAttribute("aria-selected") === "true"')}.textContent.trim() === '我的'`, { timeout: 5_000 });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(`${find('e.getAttribute("role") === "tab" && e.getAttribute("aria-selected") === "true"')}.textContent.trim() === '上报'`, { timeout: 5_000 });
    assert.equal(await page.evaluate(`((a) => { while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a.textContent.trim(); })(document.activeElement)`), '上报', 'the focus follows the selection');
    // 隐患: the ledger of her grid (府东第一网格), open hazards only: 12 (closed) and 3 (another grid) are not there.
    await tab('隐患');
    await page.waitForFunction(`${DEEP}(document).filter((e) => e.matches('[part~="row"]')).length > 0`, { timeout: 20_000 });
    const rows = await page.evaluate(`${DEEP}(document).filter((e) => e.matches('[part~="row"]')).map((e) => e.textContent)`) as string[];
    assert.ok(rows.some((r) => r.includes('充电棚采用易燃彩钢板搭建')), `her grid's open hazard is listed: ${rows.join(' | ')}`);
    assert.ok(!rows.some((r) => r.includes('电缆井防火封堵不严')), 'a closed hazard of her grid is not');
    assert.ok(!rows.some((r) => r.includes('刀削面')), 'a hazard of another grid is not');
    // 楼长: the high-rise buildings of her grid.
    await tab('楼长');
    await page.waitForFunction(`${DEEP}(document).some((e) => e.localName === 'fg-captain-registry' && /府东花园 1 号楼/.test(e.shadowRoot.textContent))`, { timeout: 20_000 });
    // 考评: her score, ranked in her community.
    await tab('考评');
    await page.waitForFunction(`${DEEP}(document).some((e) => e.localName === 'fg-grid-score' && /王伟/.test(e.shadowRoot.textContent) && e.shadowRoot.textContent.includes("/ 100"))`, { timeout: 20_000 });
    // 我的: nothing unsent; 退出登录 wipes the device and returns to the sign-in screen.
    await tab('我的');
    await page.waitForFunction(`${find('e.matches("dl[data-unsent]")')}?.dataset.unsent === '0'`, { timeout: 20_000 });
    assert.match(await page.evaluate(`${find('e.localName === "grid-mine"')}.shadowRoot.textContent`) as string, /府东第一网格/);
    assert.notEqual(await page.evaluate('localStorage.getItem("firegrid-demo:session")'), null, 'the session is kept on the device');
    await page.evaluate(`${find('e.matches("button.sign-out")')}.click()`);
    await page.waitForFunction(`!!${find('e.matches("button[data-user=wangwei]")')}`, { timeout: 20_000 });
    assert.equal(await page.evaluate('localStorage.getItem("firegrid-demo:session")'), null, 'signing out forgets the token');
    assert.deepEqual(problems, []);
    await page.browserContext().close();
  });

  it('gives the supervisor the desk: the two lists, the captains, the ranking, and a notice whose QR code opens the resident\'s tip-off page, which reports into the building\'s grid', async () => {
    assert.ok(browser && demo, 'the demo and the browser started');
    const page = await (await browser.createBrowserContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${String(r.status())} ${r.request().method()} ${r.url()}`); });
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(demo.url);
    await page.waitForFunction(`!!${find('e.matches("button[data-user=zhaojianguo]")')}`, { timeout: 20_000 });
    await page.evaluate(`${find('e.matches("button[data-user=zhaojianguo]")')}.click()`);
    const section = async (label: string): Promise<void> => {
      await page.waitForFunction(`!!${find(`e.getAttribute("role") === "tab" && e.textContent.trim() === "${label}"`)}`, { timeout: 20_000 });
      await page.evaluate(`${find(`e.getAttribute("role") === "tab" && e.textContent.trim() === "${label}"`)}.click()`);
    };
    // 隐患台账: the hazards of the street (the first page of 20 of the seed's 24), with the two lists' export.
    await page.waitForFunction(`${DEEP}(document).filter((e) => e.matches('[part~="row"]')).length === 20`, { timeout: 20_000 });
    assert.ok(await page.evaluate(`${DEEP}(document).some((e) => e.localName === 'button' && /导出两个清单/.test(e.textContent))`), 'the two lists can be exported');
    // 楼长管理: coverage of the street's high-rise buildings, and import.
    await section('楼长管理');
    await page.waitForFunction(`${DEEP}(document).some((e) => e.localName === 'fg-captain-registry' && /锦绣华庭 B 座/.test(e.shadowRoot.textContent) && /导入/.test(e.shadowRoot.textContent))`, { timeout: 20_000 });
    // 考评排名: the workers of the street ranked.
    await section('考评排名');
    await page.waitForFunction(`${DEEP}(document).some((e) => e.localName === 'fg-grid-score' && /王伟/.test(e.shadowRoot.textContent) && /陈静/.test(e.shadowRoot.textContent))`, { timeout: 20_000 });
    // 公示牌: a building's notice, with its captain and the QR code of the app's tip-off page.
    await section('公示牌');
    await page.waitForFunction(`!!${find('e.matches("a.building") && /府东花园 1 号楼/.test(e.textContent)')}`, { timeout: 20_000 });
    await page.evaluate(`${find('e.matches("a.building") && /府东花园 1 号楼/.test(e.textContent)')}.click()`);
    assert.match(page.url(), /#\/notice\//);
    await page.waitForFunction(`((n) => n && /刘秀兰/.test(n.shadowRoot.textContent) && n.shadowRoot.querySelector('svg path'))(${find('e.localName === "fg-captain-notice"')})`, { timeout: 20_000 });
    assert.equal(await page.evaluate(`${find('e.localName === "fg-captain-notice"')}.shadowRoot.querySelector('[role=alert]')`), null, 'no alert: the host gave the tip-off link');
    const qr = await page.evaluate(`${find('e.localName === "fg-captain-notice"')}.shadowRoot.querySelector('[part~="qr"] svg').getAttribute('aria-label')`) as string;
    const tipOffUrl = /https?:\/\/\S+/.exec(qr)?.[0] ?? '';
    assert.ok(tipOffUrl.startsWith(`${demo.url}#/tip-off/`), `the QR code is the app's tip-off page of the building: ${qr}`);
    assert.deepEqual(problems, []);
    await page.browserContext().close();

    // A resident scans it on his own phone: the public report form, already saying where.
    const phone = await (await browser.createBrowserContext()).newPage();
    const phoneProblems: string[] = [];
    phone.on('pageerror', (e) => phoneProblems.push(String(e)));
    phone.on('console', (m) => { if (m.type() === 'error') phoneProblems.push(`console: ${m.text()}`); });
    phone.on('response', (r) => { if (r.status() >= 400) phoneProblems.push(`${String(r.status())} ${r.request().method()} ${r.url()}`); });
    await phone.goto(tipOffUrl);
    const form = find('e.localName === "fg-hazard-report"');
    await phone.waitForFunction(`((r) => r && r.shadowRoot && r.shadowRoot.querySelector('#address') && /府东花园 1 号楼/.test(r.shadowRoot.querySelector('#address').value))(${form})`, { timeout: 20_000 });
    assert.equal(await phone.evaluate(`${form}.getAttribute('mode')`), 'public');
    await phone.evaluate(`((r) => {
      const c = r.shadowRoot.querySelector('#category'); c.value = 'exit-blocked'; c.dispatchEvent(new Event('change', { bubbles: true }));
      const d = r.shadowRoot.querySelector('#description'); d.value = '扫码举报：1 号楼 6 层安全出口被木板封死'; d.dispatchEvent(new Event('input', { bubbles: true }));
    })(${form})`);
    await phone.evaluate(`${form}.shadowRoot.querySelector('#submit').click()`);
    // The element's result stays on screen: sent (举报已提交, or 已发送 once the device's outbox has
    // sent it) with the reference number (受理编号) to quote.
    await phone.waitForFunction(`((r) => r.shadowRoot.querySelector('#reference') && /举报已提交|已发送/.test(r.shadowRoot.querySelector('[part~="result-title"]').textContent))(${form})`, { timeout: 20_000 });
    const reference = await phone.evaluate(`${form}.shadowRoot.querySelector('#reference').textContent.trim()`) as string;
    assert.match(reference, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/, `a reference number: ${reference}`);
    // 查看记录: where the report stands, under the same reference.
    await phone.evaluate(`${form}.shadowRoot.querySelector('#records').click()`);
    const tipPage = find('e.localName === "grid-tip-off"');
    await phone.waitForFunction(`!!${tipPage}.shadowRoot.querySelector('[data-reference]')`, { timeout: 20_000 });
    assert.equal(await phone.evaluate(`${tipPage}.shadowRoot.querySelector('[data-reference]').textContent.trim()`), reference);
    assert.match(await phone.evaluate(`${tipPage}.shadowRoot.querySelector('[data-status]').textContent`) as string, /已上报|草稿/);
    // It reaches the server in the building's grid, its reporter kept confidential.
    const token = ((await (await fetch(`${demo.url}api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"user":"zhaojianguo"}' })).json()) as { token: string }).token;
    interface Tip { gridId?: string; source?: string; reporter?: { confidential?: boolean } }
    const base = demo.url;
    const lookUp = async (): Promise<Tip | undefined> => {
      const list = (await (await fetch(`${base}api/v1/hazards?q=${encodeURIComponent('木板封死')}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: Tip[] };
      return list.items[0];
    };
    // The outbox sends it right after submit; give it a moment.
    let found = await lookUp();
    for (let i = 0; i < 50 && !found; i++) {
      await new Promise((r) => setTimeout(r, 200));
      found = await lookUp();
    }
    assert.ok(found, 'the tip-off is on the server');
    assert.equal(found.gridId, '140105004001001');
    assert.equal(found.source, 'public');
    assert.equal(found.reporter?.confidential, true);
    assert.deepEqual(phoneProblems, []);
    await phone.browserContext().close();
  });

  it('keeps working offline after the first load: the service worker serves the shell, the worker\'s tabs and forms open without the network', async () => {
    assert.ok(browser && demo, 'the demo and the browser started');
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(demo.url);
    await page.waitForFunction(`!!${find('e.matches("button[data-user=wangwei]")')}`, { timeout: 20_000 });
    await page.evaluate(`${find('e.matches("button[data-user=wangwei]")')}.click()`);
    await page.waitForFunction(`!!${find('e.matches("button.place")')}`, { timeout: 20_000 });
    // The worker installed and took control of the page; its cache holds the whole shell.
    await page.waitForFunction('navigator.serviceWorker.controller !== null', { timeout: 20_000 });
    const cached = await page.evaluate(`caches.keys().then(async (names) => { const out = []; for (const n of names) for (const r of await (await caches.open(n)).keys()) out.push(new URL(r.url).pathname); return out; })`) as string[];
    for (const file of ['/', '/main.js', '/page.css', '/government-blue.css']) assert.ok(cached.includes(file), `${file} is in the shell cache: ${cached.join(' ')}`);
    assert.ok(!cached.some((f) => f.startsWith('/api/')), 'no data is cached by the service worker');

    // Offline: the page and the worker both lose the network.
    const swTarget = await browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(demo!.url) && t.browserContext() === context, { timeout: 10_000 });
    const swSession = await swTarget.createCDPSession();
    const offline = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
    await swSession.send('Network.enable');
    await swSession.send('Network.emulateNetworkConditions', offline);
    await page.setOfflineMode(true);
    assert.equal(await page.evaluate(`fetch('/main.js?probe=' + Date.now(), { cache: 'no-store' }).then(() => 'online', () => 'offline')`), 'offline', 'the network is gone');

    const res = await page.reload();
    assert.ok(res === null || res.fromServiceWorker() || res.ok(), 'the page came from the service worker');
    // The signed-in worker's app, from the cache: her tabs, and the report form with its lazy view.
    await page.waitForFunction(`!!${find('e.getAttribute("role") === "tab" && e.textContent.trim() === "上报"')}`, { timeout: 20_000 });
    await page.evaluate(`${find('e.getAttribute("role") === "tab" && e.textContent.trim() === "上报"')}.click()`);
    await page.waitForFunction(`((r) => r && r.shadowRoot && r.shadowRoot.querySelector('[part~="base"] textarea'))(${find('e.localName === "fg-hazard-report"')})`, { timeout: 20_000 });
    await page.setOfflineMode(false);
    await swSession.send('Network.emulateNetworkConditions', { ...offline, offline: false });
    await swSession.detach();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('has no axe violations on the sign-in screen, the worker\'s tabs and the desk', async () => {
    assert.ok(browser && demo, 'the demo and the browser started');
    const page = await (await browser.createBrowserContext()).newPage();
    // axe is injected as a script of its own: only this page lifts the CSP (the first test checks it).
    await page.setBypassCSP(true);
    await page.goto(demo.url);
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = async (): Promise<string[]> => await page.evaluate('axe.run(document).then((r) => r.violations.map((v) => v.id + " " + v.nodes.map((n) => JSON.stringify(n.target)).join(" ")))') as string[];
    const found: Record<string, string[]> = {};
    await page.waitForFunction(`!!${find('e.matches("button[data-user=wangwei]")')}`, { timeout: 20_000 });
    found['sign-in'] = await violations();
    await page.evaluate(`${find('e.matches("button[data-user=wangwei]")')}.click()`);
    await page.waitForFunction(`!!${find('e.matches("button.place")')}`, { timeout: 20_000 });
    found['巡查'] = await violations();
    await page.evaluate(`${find('e.getAttribute("role") === "tab" && e.textContent.trim() === "我的"')}.click()`);
    await page.waitForFunction(`!!${find('e.matches("dl[data-unsent]")')}`, { timeout: 20_000 });
    found['我的'] = await violations();
    await page.evaluate(`${find('e.matches("button.sign-out")')}.click()`);
    await page.waitForFunction(`!!${find('e.matches("button[data-user=zhaojianguo]")')}`, { timeout: 20_000 });
    await page.evaluate(`${find('e.matches("button[data-user=zhaojianguo]")')}.click()`);
    await page.waitForFunction(`!!${find('e.localName === "grid-desk"')}`, { timeout: 20_000 });
    await page.evaluate(`${find('e.getAttribute("role") === "tab" && e.textContent.trim() === "公示牌"')}.click()`);
    await page.waitForFunction(`!!${find('e.matches("a.building")')}`, { timeout: 20_000 });
    found['公示牌'] = await violations();
    assert.deepEqual(found, { 'sign-in': [], '巡查': [], '我的': [], '公示牌': [] });
    await page.browserContext().close();
  });

  it('takes a free port when the one asked for is in use, and fails with strictPort', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const other = await startDemo({ port, log: () => undefined });
      try {
        assert.equal(other.fellBack, true);
        assert.notEqual(other.port, port);
        assert.equal((await fetch(other.url)).status, 200);
      } finally {
        await other.close();
      }
      await assert.rejects(startDemo({ port, strictPort: true, log: () => undefined }), /EADDRINUSE/);
    } finally {
      await new Promise((done) => taken.close(done));
    }
  });
});
