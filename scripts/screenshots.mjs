// `npm run screenshots`: visual regression and the layout check over the static Storybook build
// (issue 17 item 8). Every story is opened in Chromium at 390 and 1280 px, made deterministic
// (fixed clock and randomness, no animations, transitions or caret, one pinned font), and its
// screenshot compared with the reference in tests/visual/references (pixelmatch, threshold 0.1;
// a story fails when more than 0.3 % of its pixels differ). Diff images of failures go to
// tests/visual/diff (gitignored). At 390 px the layout check runs too (tests/visual/expectations.mjs).
//
//   node scripts/screenshots.mjs             compare (the `npm test` step, after the Storybook build)
//   node scripts/screenshots.mjs --update    rewrite the references and their manifest
//   node scripts/screenshots.mjs --only ledger   only stories whose id contains "ledger"
//
// Before comparing, a self-test renders one story twice (must match) and once moved 8 px right
// (must fail): a harness that cannot see an 8 px shift fails the step.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import {
  CHROMIUM_ARGS, MAX_DIFF_RATIO, PHONE_WIDTH, THRESHOLD, VIEWPORTS, FONT_FAMILY,
  chromiumMismatch, compactPng, comparePng, layoutProblems, listStories, measureLayout, newPage, openStory, screenshot, serveStatic,
} from './screenshots-lib.mjs';
import { expectedFailures, fields } from '../tests/visual/expectations.mjs';

const args = process.argv.slice(2);
const update = args.includes('--update');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const STATIC = 'storybook-static';
const REFS = 'tests/visual/references';
const DIFFS = 'tests/visual/diff';
const MANIFEST = join(REFS, 'manifest.json');
const SELF_TEST_SHIFT = 8;

const pct = (r) => `${(r * 100).toFixed(2)} %`;
const refName = (id, width) => `${id}.${width}.png`;
const t0 = Date.now();

const allStories = await listStories(STATIC);
const stories = allStories.filter((s) => only === undefined || s.id.includes(only));
if (stories.length === 0) {
  console.error(`screenshots: no stories${only ? ` matching "${only}"` : ''} in ${STATIC}/index.json`);
  process.exit(1);
}
const known = new Set(stories.map((s) => s.id));
for (const f of fields) if (only === undefined && !known.has(f.story)) {
  console.error(`screenshots: tests/visual/expectations.mjs names story ${f.story}, which the build does not have`);
  process.exit(1);
}

const server = await serveStatic(STATIC);
// One browser per width: Chromium paints (and so screenshots) only the front page of a browser.
const launch = () => puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const browsers = await Promise.all(VIEWPORTS.map(() => launch()));
const browser = browsers[0];
const chromium = (await browser.version()).replace(/^[^/]*\//, '');

/** @type {{ chromium?: string } | undefined} */
let manifest;
try { manifest = JSON.parse(await readFile(MANIFEST, 'utf8')); } catch { manifest = undefined; }
const mismatch = update ? null : chromiumMismatch(manifest?.chromium, chromium);
if (mismatch !== null) console.log(`\n!!! ${mismatch}\n`);

const failures = [];
const notes = [];
/** @type {Record<string, number>} */
const timings = {};
let compared = 0;
let unchanged = 0;
let passedShots = 0;
await rm(DIFFS, { recursive: true, force: true });
await mkdir(REFS, { recursive: true });

try {
  // Self-test: identical renders match; an 8 px shift does not.
  {
    const story = allStories.find((s) => s.id === 'elements-fg-hazard-report--worker') ?? stories[0];
    const page = await newPage(browser, VIEWPORTS[0]);
    await openStory(page, server.url, story.id);
    const first = await screenshot(page);
    await openStory(page, server.url, story.id, { reload: true });
    const again = comparePng(first, await screenshot(page));
    await openStory(page, server.url, story.id, { shiftPx: SELF_TEST_SHIFT, reload: true });
    const shifted = comparePng(first, await screenshot(page));
    await page.close();
    const line = `self-test on ${story.id} at ${VIEWPORTS[0].width} px: identical render ${pct(again.ratio)} differ, ${SELF_TEST_SHIFT} px shift ${pct(shifted.ratio)} differ`;
    console.log(line);
    if (again.failed) failures.push(`self-test: two renders of ${story.id} differ by ${pct(again.ratio)}: rendering is not deterministic`);
    if (!shifted.failed) failures.push(`self-test: an ${SELF_TEST_SHIFT} px shift of ${story.id} differs by only ${pct(shifted.ratio)} (≤ ${pct(MAX_DIFF_RATIO)}): the comparison would miss it`);
  }

  const fieldsOf = new Map(fields.map((f) => [f.story, f.fields]));
  const expected = new Set(expectedFailures.map((e) => `${e.story} ${e.check}`));
  const layoutSeen = new Set();
  // The two widths run side by side, one page each (2 cores: Chromium renders one while Node compares the other).
  await Promise.all(VIEWPORTS.map(async (viewport, i) => {
    const page = await newPage(browsers[i], viewport);
    for (const story of stories) {
      const label = `${story.id} @ ${viewport.width}`;
      let tick = Date.now();
      const lap = (phase) => { const n = Date.now(); timings[phase] = (timings[phase] ?? 0) + n - tick; tick = n; };
      try {
        await openStory(page, server.url, story.id);
        lap('open');
      } catch (e) {
        failures.push(`${label}: did not render: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        continue;
      }
      if (viewport.width === PHONE_WIDTH) {
        const report = await measureLayout(page, fieldsOf.get(story.id) ?? {});
        const problems = layoutProblems(report);
        for (const p of problems) {
          const key = `${story.id} ${p.check}`;
          layoutSeen.add(key);
          if (!expected.has(key)) failures.push(`layout ${story.id} (${p.check}): ${p.message}`);
          else notes.push(`expected failure (issue ${expectedFailures.find((x) => `${x.story} ${x.check}` === key)?.issue}): ${story.id} ${p.message}`);
        }
      }
      lap('layout');
      const shot = await screenshot(page);
      lap('screenshot');
      const file = join(REFS, refName(story.id, viewport.width));
      if (update) {
        // A reference that still matches pixel for pixel stays as it is (no churn in the commit).
        if (existsSync(file) && comparePng(await readFile(file), shot).diffPixels === 0) unchanged += 1;
        else await writeFile(file, compactPng(shot));
        continue;
      }
      compared += 1;
      if (!existsSync(file)) {
        failures.push(`${label}: no reference ${file}: run \`npm run screenshots -- --update\``);
        continue;
      }
      const result = comparePng(await readFile(file), shot);
      lap('compare');
      if (result.failed) {
        await mkdir(DIFFS, { recursive: true });
        const base = join(DIFFS, `${story.id}.${viewport.width}`);
        await writeFile(`${base}.actual.png`, shot);
        await writeFile(`${base}.diff.png`, result.diff());
        failures.push(`${label}: ${pct(result.ratio)} of pixels differ (${result.diffPixels} of ${result.width}×${result.height}`
          + `${result.sizeChanged ? `, size ${result.sizeChanged}` : ''}); see ${base}.diff.png`);
      } else {
        passedShots += 1;
      }
    }
    await page.close();
  }));
  // Expected failures that pass now, or name a story the build lacks.
  for (const e of expectedFailures) {
    if (only !== undefined && !e.story.includes(only)) continue;
    const key = `${e.story} ${e.check}`;
    if (!known.has(e.story)) failures.push(`expectedFailures names story ${e.story}, which the build does not have: remove the entry`);
    else if (!layoutSeen.has(key)) failures.push(`layout ${e.story} (${e.check}) passes now: remove it from expectedFailures in tests/visual/expectations.mjs (issue ${e.issue})`);
  }

  const names = new Set(stories.flatMap((s) => VIEWPORTS.map((v) => refName(s.id, v.width))));
  const stale = (await readdir(REFS)).filter((f) => f.endsWith('.png') && !names.has(f));
  if (update) {
    if (only === undefined) for (const f of stale) await rm(join(REFS, f));
    const data = { chromium, font: FONT_FAMILY, threshold: THRESHOLD, maxDiffRatio: MAX_DIFF_RATIO, viewports: VIEWPORTS, stories: stories.length,
      command: 'npm run screenshots -- --update' };
    if (only === undefined) await writeFile(MANIFEST, `${JSON.stringify(data, null, 2)}\n`);
  } else if (only === undefined) {
    for (const f of stale) failures.push(`reference ${join(REFS, f)} has no story: run \`npm run screenshots -- --update\` to remove it`);
  }
} finally {
  await Promise.all(browsers.map((b) => b.close()));
  await server.close();
}

for (const n of notes) console.log(`  ${n}`);
const secs = ((Date.now() - t0) / 1000).toFixed(1);
if (update) {
  console.log(`\nscreenshots: ${stories.length * VIEWPORTS.length - unchanged} references rewritten, ${unchanged} unchanged, for ${stories.length} stories (Chromium ${chromium}) in ${secs} s`);
} else {
  console.log(`\nscreenshots: ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
  console.log(`screenshots: ${compared} screenshots of ${stories.length} stories compared with Chromium ${chromium} in ${secs} s`);
}
if (failures.length > 0) {
  failures.sort();
  console.log(`\n${failures.length} problem(s):`);
  if (mismatch !== null) console.log(`  (!) ${mismatch}`);
  for (const f of failures) console.log(`  ✗ ${f}`);
}
console.log(`${passedShots + (update ? stories.length * VIEWPORTS.length : 0)} passed, ${failures.length} failed`);
process.exit(failures.length > 0 ? 1 : 0);
