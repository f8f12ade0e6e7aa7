// Visual regression and the layout check (issue 17 item 8): serving the static Storybook build,
// rendering one story deterministically in Chromium, taking its screenshot, comparing two PNGs
// with pixelmatch, and measuring sideways overflow and named fields at phone width.
// Plain ESM (types in screenshots-lib.d.mts) so that `node scripts/screenshots.mjs` runs without tsx.
// Everything run in the page is passed as a string: tsx rewrites functions (it adds `__name`).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** pixelmatch's per-pixel colour threshold (0…1; smaller is stricter). */
export const THRESHOLD = 0.1;
/** A screenshot fails when more than this share of its pixels differ (0.3 %). */
export const MAX_DIFF_RATIO = 0.003;
/** The widths every story is taken at, with the viewport height of each (a phone, a desk). */
export const VIEWPORTS = /** @type {const} */ ([{ width: 390, height: 844 }, { width: 1280, height: 800 }]);
/** The phone width of the layout check. */
export const PHONE_WIDTH = 390;
/** The clock of every page: 2026-11-02 10:00 in China Standard Time (the stories' own clocks win where they inject one). */
export const FIXED_NOW = Date.parse('2026-11-02T10:00:00+08:00');
/** The one font every story is drawn with (fonts-noto-cjk, which .ci/run installs): Latin and CJK glyphs alike. */
export const FONT_FAMILY = 'Noto Sans CJK SC';
/** Screenshots taller than this are cut (a 100,000-row list must not make a 50 MB reference). */
export const MAX_HEIGHT = 4000;

/** Chromium flags that make text and colours render the same on every machine of this kind. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--font-render-hinting=none', '--force-color-profile=srgb', '--disable-lcd-text', '--hide-scrollbars',
  '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
  '--lang=zh-CN', '--force-device-scale-factor=1',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` over HTTP on 127.0.0.1 at a free port (the static Storybook build needs a real
 * origin: its preview loads modules).
 * @param {string} dir
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function serveStatic(dir) {
  const root = normalize(dir);
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      }
    })();
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', () => { resolve(undefined); }); });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('serveStatic: no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => { resolve(); }); }),
  };
}

/**
 * The stories of a static Storybook build (its `index.json`), sorted by id; docs pages left out.
 * @param {string} dir the build's folder, e.g. `storybook-static`
 * @returns {Promise<{ id: string, title: string, name: string }[]>}
 */
export async function listStories(dir) {
  let text;
  try {
    text = await readFile(join(dir, 'index.json'), 'utf8');
  } catch {
    throw new Error(`${join(dir, 'index.json')} is missing: build Storybook first (\`npx storybook build --quiet\`)`);
  }
  /** @type {{ entries?: Record<string, { id: string, title: string, name: string, type: string }> }} */
  const index = JSON.parse(text);
  return Object.values(index.entries ?? {})
    .filter((e) => e.type === 'story')
    .map(({ id, title, name }) => ({ id, title, name }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Run in every page before its own scripts: a fixed clock (FIXED_NOW, then advancing with real
 * time from the page's start so timeouts still fire), a seeded Math.random and
 * crypto.getRandomValues, and one style sheet in the document and in every shadow root that stops
 * animations, transitions and the text caret and pins the font stack.
 */
export const DETERMINISM_SCRIPT = `(() => {
  const FIXED = ${FIXED_NOW};
  const RealDate = Date;
  let start = performance.now();
  const now = () => Math.floor(FIXED + (performance.now() - start));
  class FixedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(now()); else super(...args); }
    static now() { return now(); }
  }
  globalThis.Date = FixedDate;
  let seed = 0x9e3779b9;
  const next = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  Math.random = next;
  const realGet = crypto.getRandomValues.bind(crypto);
  crypto.getRandomValues = (array) => {
    if (!ArrayBuffer.isView(array)) return realGet(array);
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
    return array;
  };
  if (typeof crypto.randomUUID === 'function') {
    crypto.randomUUID = () => {
      const b = crypto.getRandomValues(new Uint8Array(16));
      b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
      const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
      return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
    };
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(\`*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }
    html { --fg-font-family: '${FONT_FAMILY}', sans-serif; }\`);
  const withSheet = (sheets) => [...Array.from(sheets).filter((s) => s !== sheet), sheet];
  for (const proto of [Document.prototype, ShadowRoot.prototype]) {
    const d = Object.getOwnPropertyDescriptor(proto, 'adoptedStyleSheets');
    if (!d || !d.set || !d.get) continue;
    Object.defineProperty(proto, 'adoptedStyleSheets', {
      configurable: true, enumerable: d.enumerable, get() { return d.get.call(this); },
      set(v) { d.set.call(this, withSheet(v)); },
    });
  }
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); root.adoptedStyleSheets = []; return root; };
  document.adoptedStyleSheets = [];
  globalThis.__fgResetClock = () => { seed = 0x9e3779b9; start = performance.now(); };
})();`;

/**
 * Run in the page after the story is in the DOM: resolves once every Lit element has finished
 * updating, the rendered tree has not changed for 150 ms (loads over a memory host settle in a
 * few macrotasks), fonts are loaded and images decoded; rejects naming what did not settle after
 * `timeoutMs`. Uses timers, not animation frames.
 */
export const SETTLE_SCRIPT = `async (timeoutMs) => {
  const deep = (root) => { const out = []; const visit = (n) => { for (const c of n.children ?? []) { out.push(c);
    if (c.shadowRoot) visit(c.shadowRoot); visit(c); } }; visit(root); return out; };
  const text = (root) => { let s = ''; const visit = (n) => { if (n.nodeType === 3) s += n.data;
    if (n.shadowRoot) visit(n.shadowRoot); for (const c of n.childNodes) visit(c); }; visit(root); return s; };
  const root = document.getElementById('storybook-root') ?? document.body;
  const deadline = Date.now() + timeoutMs;
  const quietMs = 150;
  let last = '', since = Date.now();
  for (;;) {
    const els = deep(root);
    const updating = els.filter((el) => el.updateComplete instanceof Promise);
    await Promise.race([Promise.all(updating.map((el) => el.updateComplete)), new Promise((r) => setTimeout(r, 500))]);
    await new Promise((r) => setTimeout(r, 25));
    let attrs = 0; for (const el of els) attrs += el.attributes.length;
    const imgs = els.filter((el) => el.localName === 'img');
    const fp = els.length + ':' + text(root).length + ':' + attrs;
    const busy = updating.some((el) => el.isUpdatePending === true) || imgs.some((img) => !img.complete) || document.fonts.status !== 'loaded';
    const t = Date.now();
    if (fp !== last || busy) { last = fp; since = t; }
    else if (t - since >= quietMs && els.length > 0) break;
    if (t > deadline) throw new Error('the story did not settle in ' + timeoutMs + ' ms (' + (els.length === 0 ? 'nothing rendered' : busy ? 'still updating or loading' : 'still changing') + ')');
  }
  await document.fonts.ready;
  await Promise.all(deep(root).filter((el) => el.localName === 'img').map((img) => img.decode().catch(() => undefined)));
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}`;

/**
 * Run in the page: the layout at the current viewport width. `fields` maps a field's name to a
 * CSS selector matched in the document and in every open shadow root; each match must lie
 * within the viewport horizontally (and be at least `minWidth` px wide when given).
 * Returns `{ viewport, scrollWidth, overflowing: [{ what, left, right }], fields: [{ name, selector, found, outside: [{ what, left, right, width }] }] }`.
 */
export const LAYOUT_SCRIPT = `(fields) => {
  const vw = document.documentElement.clientWidth;
  const all = []; const roots = [document];
  const visit = (root) => { for (const el of root.querySelectorAll('*')) { all.push(el); if (el.shadowRoot) { roots.push(el.shadowRoot); visit(el.shadowRoot); } } };
  visit(document);
  const describe = (el) => { const host = el.getRootNode().host; const cls = el.getAttribute('class');
    const part = el.getAttribute('part');
    return (host ? host.localName + ' › ' : '') + el.localName + (part ? '[part=' + part + ']' : '') + (cls ? '.' + cls.trim().split(/\\s+/).join('.') : ''); };
  const shown = (el) => { const r = el.getBoundingClientRect(); if (r.width <= 1 || r.height <= 1) return null;
    const cs = getComputedStyle(el); if (cs.visibility === 'hidden' || cs.display === 'contents') return null;
    // Visually hidden text (clip: rect(0 0 0 0) or clip-path: inset(50%)) is for screen readers.
    if (cs.position === 'absolute' && (cs.clip.startsWith('rect(0') || cs.clipPath.startsWith('inset(50%'))) return null;
    return r; };
  const overflowing = [];
  for (const el of all) {
    if (!el.getRootNode().host) continue; // shadow content only: the page itself is Storybook's
    const r = shown(el); if (!r) continue;
    if (r.left < -0.5 || r.right > vw + 0.5) overflowing.push({ what: describe(el), left: Math.round(r.left), right: Math.round(r.right) });
  }
  const out = [];
  for (const [name, spec] of Object.entries(fields)) {
    const selector = typeof spec === 'string' ? spec : spec.selector;
    const minWidth = typeof spec === 'string' ? 0 : (spec.minWidth ?? 0);
    const found = []; for (const root of roots) found.push(...root.querySelectorAll(selector));
    const outside = [];
    for (const el of found) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -0.5 || r.right > vw + 0.5 || r.width < minWidth) outside.push({ what: describe(el), left: Math.round(r.left), right: Math.round(r.right), width: Math.round(r.width) });
    }
    out.push({ name, selector, found: found.length, outside });
  }
  return { viewport: vw, scrollWidth: document.scrollingElement.scrollWidth, overflowing: overflowing.slice(0, 10), overflowCount: overflowing.length, fields: out };
}`;

/**
 * Decodes a PNG.
 * @param {Buffer} buffer
 * @returns {PNG}
 */
export function decodePng(buffer) {
  return PNG.sync.read(buffer);
}

/**
 * Re-encodes a screenshot for git: an indexed (palette) PNG, deflate level 9. Screenshots of these
 * elements hold a few hundred colours, mostly the anti-aliasing of text; the 256 most frequent
 * become the palette and each other colour is drawn with its nearest palette colour. When that
 * would make more than {@link MAX_QUANTIZE_RATIO} of the pixels differ under pixelmatch, the
 * screenshot is kept as lossless RGB instead.
 * @param {Buffer} buffer a PNG
 * @returns {Buffer}
 */
export function compactPng(buffer) {
  const png = PNG.sync.read(buffer);
  const indexed = quantize(png);
  if (indexed !== null) {
    const back = PNG.sync.read(indexed);
    const diff = pixelmatch(png.data, back.data, null, png.width, png.height, { threshold: THRESHOLD });
    if (diff / (png.width * png.height) <= MAX_QUANTIZE_RATIO) return indexed;
  }
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true, deflateLevel: 9 });
}

/** At most this share of a reference's pixels may differ from the screenshot after {@link compactPng} (0.01 %). */
export const MAX_QUANTIZE_RATIO = 0.0001;

/** An 8-bit palette PNG of `png` (alpha dropped), or null when it is empty. */
function quantize(png) {
  const { width, height, data } = png;
  if (width === 0 || height === 0) return null;
  const counts = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const k = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const palette = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 256).map(([k]) => k);
  const index = new Map(palette.map((k, i) => [k, i]));
  const nearest = (k) => {
    const r = k >> 16, g = (k >> 8) & 255, b = k & 255;
    let best = 0, bestD = Infinity;
    for (let i = 0; i < palette.length; i++) {
      const p = palette[i];
      const dr = r - (p >> 16), dg = g - ((p >> 8) & 255), db = b - (p & 255);
      const d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
      if (d < bestD) { bestD = d; best = i; }
    }
    index.set(k, best);
    return best;
  };
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none (the usual choice for palette images)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const k = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      raw[y * (width + 1) + 1 + x] = index.get(k) ?? nearest(k);
    }
  }
  const chunk = (type, body) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 3; // 8-bit indexed colour
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((k, i) => { plte[i * 3] = k >> 16; plte[i * 3 + 1] = (k >> 8) & 255; plte[i * 3 + 2] = k & 255; });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('PLTE', plte), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Pads `png` with opaque magenta to `width` × `height` (missing area always counts as different). */
function padTo(png, width, height) {
  if (png.width === width && png.height === height) return png.data;
  const out = Buffer.alloc(width * height * 4);
  for (let i = 0; i < out.length; i += 4) { out[i] = 255; out[i + 1] = 0; out[i + 2] = 255; out[i + 3] = 255; }
  for (let y = 0; y < png.height; y++) png.data.copy(out, y * width * 4, y * png.width * 4, (y + 1) * png.width * 4);
  return out;
}

/**
 * Compares two PNG screenshots with pixelmatch (threshold {@link THRESHOLD}). Images of
 * different sizes are compared on the larger canvas, the area only one of them covers counting
 * as different.
 * @param {Buffer} expected the reference
 * @param {Buffer} actual the new screenshot
 * @returns {{ width: number, height: number, diffPixels: number, ratio: number, failed: boolean, sizeChanged: string | null, diff(): Buffer }}
 *   `diff()` encodes the diff image (differing pixels red over a faded copy of the reference).
 */
export function comparePng(expected, actual) {
  const a = PNG.sync.read(expected);
  const b = PNG.sync.read(actual);
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const sizeChanged = a.width === b.width && a.height === b.height ? null : `${a.width}×${a.height} → ${b.width}×${b.height}`;
  const blank = new PNG({ width: 1, height: 1 });
  // The common case, pixel-identical, needs no pixelmatch and no diff image.
  if (sizeChanged === null && a.data.equals(b.data)) {
    return { width, height, diffPixels: 0, ratio: 0, failed: false, sizeChanged, diff: () => PNG.sync.write(blank) };
  }
  const diff = new PNG({ width, height });
  const diffPixels = pixelmatch(padTo(a, width, height), padTo(b, width, height), diff.data, width, height, { threshold: THRESHOLD });
  const ratio = diffPixels / (width * height);
  return { width, height, diffPixels, ratio, failed: ratio > MAX_DIFF_RATIO, sizeChanged, diff: () => PNG.sync.write(diff) };
}

/**
 * Opens a story of the static build in `page` at the page's current viewport and waits until it
 * has settled (see {@link SETTLE_SCRIPT}). The first story loads `iframe.html`; later ones are
 * switched to over Storybook's channel (as its manager does), which saves loading the preview
 * again; the clock and the random seed are reset either way. `shiftPx` moves the story right by
 * that many pixels (the self-test).
 * @param {import('puppeteer-core').Page} page
 * @param {string} baseUrl where the build is served
 * @param {string} id the story id
 * @param {{ shiftPx?: number, timeoutMs?: number, reload?: boolean }} [options]
 */
export async function openStory(page, baseUrl, id, options = {}) {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const loaded = !options.reload && page.url().startsWith(`${baseUrl}/iframe.html`)
    && await page.evaluate('typeof window.__STORYBOOK_ADDONS_CHANNEL__?.emit === "function"');
  if (loaded) {
    await page.evaluate(SWITCH_SCRIPT_CALL(id, timeoutMs));
  } else {
    await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`, { waitUntil: 'load' });
    await page.waitForFunction(`(() => { const r = document.getElementById('storybook-root');
      if (document.body.classList.contains('sb-show-errordisplay')) throw new Error('Storybook shows an error: ' + (document.getElementById('error-message')?.textContent ?? '').slice(0, 300));
      return r !== null && r.childElementCount > 0 && document.body.classList.contains('sb-show-main'); })()`, { timeout: timeoutMs, polling: 50 });
  }
  await page.evaluate(`document.getElementById('storybook-root').style.transform = '${options.shiftPx ? `translateX(${Number(options.shiftPx)}px)` : ''}'`);
  // A quiet DOM is not enough: a lazily loaded chunk (an element's detail view) can be on the wire.
  const net = networkOf(page);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.evaluate(`(${SETTLE_SCRIPT})(${timeoutMs})`);
    if (net.inflight === 0 && Date.now() - net.lastActivity >= NETWORK_QUIET_MS) break;
    if (Date.now() > deadline) throw new Error(`story ${id}: ${net.inflight} request(s) still loading after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, NETWORK_QUIET_MS));
  }
}

const NETWORK_QUIET_MS = 150;
/** @type {WeakMap<object, { inflight: number, lastActivity: number }>} */
const networks = new WeakMap();

/** Requests in flight in `page` and when the last one started or ended. */
function networkOf(page) {
  let net = networks.get(page);
  if (net === undefined) {
    const n = { inflight: 0, lastActivity: 0 };
    const done = () => { n.inflight = Math.max(0, n.inflight - 1); n.lastActivity = Date.now(); };
    page.on('request', () => { n.inflight += 1; n.lastActivity = Date.now(); });
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    networks.set(page, n);
    net = n;
  }
  return net;
}

/** The page script that switches the loaded preview to story `id` and resolves once Storybook has rendered it. */
function SWITCH_SCRIPT_CALL(id, timeoutMs) {
  return `new Promise((resolve, reject) => {
    const id = ${JSON.stringify(id)};
    const ch = window.__STORYBOOK_ADDONS_CHANNEL__;
    const handlers = [];
    const done = (f) => { clearTimeout(timer); for (const [e, h] of handlers) ch.off(e, h); f(); };
    const on = (e, h) => { handlers.push([e, h]); ch.on(e, h); };
    const idOf = (x) => (typeof x === 'string' ? x : x?.storyId ?? x?.id);
    on('storyRendered', (x) => { if (idOf(x) === id) done(resolve); });
    on('storyMissing', (x) => { done(() => reject(new Error('Storybook has no story ' + id))); });
    on('storyErrored', (x) => { done(() => reject(new Error('the story errored: ' + (x?.title ?? '') + ' ' + (x?.description ?? '')))); });
    on('storyThrewException', (x) => { done(() => reject(new Error('the story threw: ' + (x?.message ?? String(x))))); });
    const timer = setTimeout(() => done(() => reject(new Error('Storybook did not render ' + id + ' in ${timeoutMs} ms'))), ${timeoutMs});
    globalThis.__fgResetClock?.();
    ch.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
  })`;
}

/**
 * Prepares a new page: the determinism script, the pinned font for generic families, reduced
 * motion, the viewport.
 * @param {import('puppeteer-core').Browser} browser
 * @param {{ width: number, height: number }} viewport
 * @returns {Promise<import('puppeteer-core').Page>}
 */
export async function newPage(browser, viewport) {
  const page = await browser.newPage();
  await page.setViewport({ ...viewport, deviceScaleFactor: 1 });
  await page.evaluateOnNewDocument(DETERMINISM_SCRIPT);
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }, { name: 'prefers-color-scheme', value: 'light' }]);
  await page.emulateTimezone('Asia/Shanghai');
  networkOf(page);
  const cdp = await page.createCDPSession();
  await cdp.send('Page.setFontFamilies', {
    fontFamilies: { standard: FONT_FAMILY, sansSerif: FONT_FAMILY, serif: FONT_FAMILY, fixed: FONT_FAMILY, cursive: FONT_FAMILY, fantasy: FONT_FAMILY },
  });
  return page;
}

/**
 * A screenshot of the whole story (its full height, at most {@link MAX_HEIGHT} px), as Chromium
 * encodes it (fast, larger); {@link compactPng} it before committing it.
 * @param {import('puppeteer-core').Page} page
 * @returns {Promise<Buffer>}
 */
export async function screenshot(page) {
  const { width, height } = /** @type {{ width: number, height: number }} */ (await page.evaluate(
    `({ width: document.documentElement.clientWidth, height: Math.max(document.documentElement.scrollHeight, document.body.scrollHeight, innerHeight) })`));
  const shot = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) }, captureBeyondViewport: true });
  return Buffer.from(shot);
}

/**
 * The layout of the open story (see {@link LAYOUT_SCRIPT}).
 * @param {import('puppeteer-core').Page} page
 * @param {Record<string, string | { selector: string, minWidth?: number }>} fields
 */
export async function measureLayout(page, fields) {
  return /** @type {import('./screenshots-lib.d.mts').LayoutReport} */ (await page.evaluate(`(${LAYOUT_SCRIPT})(${JSON.stringify(fields)})`));
}

/**
 * The layout problems of one story: sideways scroll, shadow content outside the viewport, and
 * each named field missing or outside; one entry per check, keyed as in `expectedFailures`
 * (`sideways` or `field:<name>`).
 * @param {import('./screenshots-lib.d.mts').LayoutReport} report
 * @returns {{ check: string, message: string }[]}
 */
export function layoutProblems(report) {
  /** @type {{ check: string, message: string }[]} */
  const out = [];
  const sideways = [];
  if (report.scrollWidth > report.viewport) sideways.push(`the page scrolls sideways (scrollWidth ${report.scrollWidth} > ${report.viewport})`);
  if (report.overflowCount > 0) {
    const first = report.overflowing.slice(0, 3).map((o) => `${o.what} at x ${o.left}…${o.right}`).join('; ');
    sideways.push(`${report.overflowCount} shadow element(s) outside 0…${report.viewport}: ${first}`);
  }
  if (sideways.length > 0) out.push({ check: 'sideways', message: sideways.join('; ') });
  for (const f of report.fields) {
    if (f.found === 0) out.push({ check: `field:${f.name}`, message: `field ${f.name} (${f.selector}) not found` });
    else if (f.outside.length > 0) {
      const o = f.outside[0];
      out.push({ check: `field:${f.name}`, message: `field ${f.name}: ${f.outside.length} of ${f.found} outside the viewport or too narrow (first: ${o.what} at x ${o.left}…${o.right}, ${o.width} px wide)` });
    }
  }
  return out;
}

/**
 * The warning to print when the running Chromium's major version is not the references' one
 * (text rendering changes between majors), or null when they agree or the references record none.
 * @param {string | undefined} referenceVersion from `manifest.json`, e.g. `156.0.8078.129`
 * @param {string} runningVersion e.g. `157.0.8123.4`
 * @returns {string | null}
 */
export function chromiumMismatch(referenceVersion, runningVersion) {
  if (referenceVersion === undefined) return null;
  const major = (v) => v.split('.')[0];
  if (major(referenceVersion) === major(runningVersion)) return null;
  return `Chromium ${runningVersion} is not the references' Chromium ${referenceVersion} (major ${major(runningVersion)} ≠ ${major(referenceVersion)}):`
    + ' text may render differently; comparing anyway. If the differences are only anti-aliasing, run `npm run screenshots -- --update`.';
}
