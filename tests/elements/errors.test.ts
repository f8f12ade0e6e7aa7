import { expect, fixture, html } from '@open-wc/testing';
import { FiregridError, createFiregridClient, defineHost, memoryDataPort } from '@firegrid/core';
import type { DataPort, Locale } from '@firegrid/core';
import { FiregridHttpError } from '@firegrid/core/http';
import { errorCase, errorDetail, userErrorText } from '@firegrid/elements';
import type { ERROR_TEXTS, FgErrorDetail, Operation } from '@firegrid/elements';
import '@firegrid/elements/hazard-ledger/define';
import '@firegrid/elements/hazard-report/define';
import type { FgHazardLedger } from '@firegrid/elements/hazard-ledger';
import type { FgHazardReport } from '@firegrid/elements/hazard-report';
import { HAZARD, ledgerSeed, supervisorSession } from '../../stories/hazard-ledger.stories.js';
import { reportHost } from '../../stories/hazard-report.stories.js';
import { until } from '../support/wait.js';

// User-facing errors say what happened and what to do, in the user's language, and never show
// HTTP methods, paths or record ids: those go to the console and the fg-error event's detail.
const ID = '019a4b2c-0000-7000-8000-000000000101';
const http = (status: number, method = 'PUT'): FiregridHttpError =>
  new FiregridHttpError(status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not-found' : status === 409 ? 'conflict' : status >= 500 ? 'network' : 'rejected',
    `${method} /v1/hazards/${ID} failed (${status}): problem at /v1/hazards/${ID}`, { status });
const offline = (): FiregridHttpError => new FiregridHttpError('network', `GET /v1/hazards/${ID} could not be sent: Failed to fetch (the device may be offline)`, { status: 0 });

const CASES: [string, unknown, Operation, keyof typeof ERROR_TEXTS][] = [
  ['401', http(401), 'write', 'signed-out'],
  ['403 read', http(403, 'GET'), 'read', 'forbidden'],
  ['403 write', http(403), 'write', 'forbidden'],
  ['404', http(404, 'GET'), 'read', 'not-found'],
  ['409', http(409), 'write', 'conflict'],
  ['413', http(413), 'write', 'too-large'],
  ['422', http(422), 'write', 'refused'],
  ['400', http(400), 'write', 'refused'],
  ['500', http(500, 'GET'), 'read', 'server'],
  ['503 write', http(503), 'write', 'server'],
  ['429', new FiregridHttpError('network', `PUT /v1/hazards/${ID} failed (429)`, { status: 429 }), 'write', 'busy'],
  ['a read with neither network nor a cached copy', offline(), 'read', 'offline-read'],
  ['a write without network and without an outbox', offline(), 'write', 'offline-write'],
  ['401 without an answer (no token)', new FiregridHttpError('unauthorized', 'The host could not give the request headers', { status: 0 }), 'read', 'signed-out'],
  ['storage', new FiregridError('storage', 'IndexedDB put records/hazards:019a… failed: QuotaExceededError'), 'write', 'storage'],
  ['a plain error', new TypeError('Cannot read properties of undefined (reading "id")'), 'read', 'unknown'],
];

describe('user-facing error texts', () => {
  for (const [name, error, op, expected] of CASES) {
    it(`${name}: says what happened and what to do, without method, path or id, in zh-CN and en`, () => {
      expect(errorCase(error, op)).to.equal(expected);
      for (const locale of ['zh-CN', 'en'] as Locale[]) {
        const text = userErrorText(error, locale, op);
        expect(text, `${name} ${locale}`).not.to.match(/\b(GET|PUT|POST|DELETE)\b|\/v1\/|019a4b2c|\(\d{3}\)/);
        expect(text.length).to.be.greaterThan(10);
        // Two sentences at least: what happened, then what to do.
        expect(text.split(locale === 'en' ? /[.;] / : /[。；]/).filter((x) => x.trim() !== '').length, text).to.be.at.least(2);
        if (locale === 'en') expect(text).not.to.match(/[\u4e00-\u9fff]/);
        else expect(text).to.match(/[\u4e00-\u9fff]/);
      }
    });
  }

  it('tells every case apart, and reads apart from writes where the advice differs', () => {
    const byCase = new Map(CASES.map(([, e, op, c]) => [c, userErrorText(e, 'zh-CN', op)]));
    expect(new Set(byCase.values()).size).to.equal(byCase.size);
    expect(userErrorText(http(403), 'zh-CN', 'read')).not.to.equal(userErrorText(http(403), 'zh-CN', 'write'));
    expect(userErrorText(http(500), 'en', 'read')).not.to.equal(userErrorText(http(500), 'en', 'write'));
  });

  it('keeps messages written for people: a schema, the lifecycle, a host bridge', () => {
    const v = new FiregridError('validation', '描述不能为空');
    expect(userErrorText(v, 'zh-CN', 'write')).to.equal('描述不能为空');
    expect(userErrorText(new FiregridError('transition', '只有网格长可以核实'), 'zh-CN', 'write')).to.equal('只有网格长可以核实');
  });

  it('puts the technical message, code, status and issues into the event detail', () => {
    const e = new FiregridHttpError('rejected', `PUT /v1/hazards/${ID} failed (422)`, { status: 422, issues: [{ path: 'title', message: 'required' }] });
    const d = errorDetail(e, 'en', 'write');
    expect(d).to.deep.include({ case: 'refused', operation: 'write', code: 'rejected', status: 422, technical: `PUT /v1/hazards/${ID} failed (422)` });
    expect(d.issues).to.deep.equal([{ path: 'title', message: 'required' }]);
    expect(d.message).to.equal(userErrorText(e, 'en', 'write'));
    expect(JSON.parse(JSON.stringify(d))).to.deep.equal(d);
  });
});

function deepText(node: Node): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) out += child.textContent ?? '';
    else if (child instanceof Element) out += (child.shadowRoot ? deepText(child.shadowRoot) : '') + deepText(child);
  }
  return out;
}

/** Captures console.error while `run` runs. */
async function quietly<T>(run: (logged: unknown[]) => Promise<T>): Promise<T> {
  const logged: unknown[] = [];
  const orig = console.error;
  console.error = (...args: unknown[]) => { logged.push(...args); };
  try {
    return await run(logged);
  } finally {
    console.error = orig;
  }
}

describe('elements show user-facing errors', () => {
  it('the ledger: a 5xx on the list shows what to do; the path goes to the console and fg-error', async () => {
    await quietly(async (logged) => {
      const base = memoryDataPort(ledgerSeed(), { tenantId: 'demo' });
      const data: DataPort = { ...base, list: () => Promise.reject(http(503, 'GET')) };
      const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(supervisorSession), data }) });
      const events: FgErrorDetail[] = [];
      // The fixture is the element itself: a plain <div> fixture waits for an animation frame, which
      // never comes to the page that is not in front while two test pages run side by side.
      const el = await fixture<FgHazardLedger>(html`<fg-hazard-ledger .client=${client}
        @fg-error=${(e: CustomEvent<FgErrorDetail>) => { events.push(e.detail); }}></fg-hazard-ledger>`);
      await until(() => events.length > 0 && deepText(el.shadowRoot!).includes('服务器暂时出了问题'), 'the error');
      const text = deepText(el.shadowRoot!);
      expect(text).not.to.contain('/v1/');
      expect(text).not.to.contain('GET');
      expect(events).to.have.length(1);
      expect(events[0]).to.deep.include({ status: 503, case: 'server', operation: 'read' });
      expect(events[0]!.technical).to.contain('/v1/hazards/');
      expect(logged.some((x) => x instanceof FiregridHttpError)).to.equal(true);
    });
  });

  it('the ledger: opening a hazard with no network and no cached copy says so, in English with locale="en"', async () => {
    await quietly(async () => {
      const base = memoryDataPort(ledgerSeed(), { tenantId: 'demo' });
      const data: DataPort = { ...base, get: () => Promise.reject(offline()) };
      const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(supervisorSession), data }) });
      const el = await fixture<FgHazardLedger>(html`<fg-hazard-ledger locale="en" .client=${client} hazard-id=${HAZARD.reported}></fg-hazard-ledger>`);
      await until(() => deepText(el.shadowRoot!).includes('no network and this device has no copy'), 'the offline read');
      expect(deepText(el.shadowRoot!)).not.to.contain(HAZARD.reported);
    });
  });

  for (const [status, words] of [[413, '太大'], [409, '别人修改'], [422, '检查填写的内容'], [403, '没有进行这项操作的权限']] as const) {
    it(`the report: a ${status} on submit says "${words}" and keeps the form`, async () => {
      await quietly(async () => {
        const host = reportHost();
        const data: DataPort = { ...host.data, save: () => Promise.reject(http(status)) };
        const client = createFiregridClient({ host: defineHost({ ...host, data }) });
        const el = await fixture<FgHazardReport>(html`<fg-hazard-report .client=${client}></fg-hazard-report>`);
        await until(() => el.shadowRoot!.querySelector('#category') !== null, 'the form');
        const root = el.shadowRoot!;
        const cat = root.querySelector<HTMLSelectElement>('#category')!;
        cat.value = 'exit-blocked';
        cat.dispatchEvent(new Event('change', { bubbles: true }));
        const d = root.querySelector<HTMLTextAreaElement>('#description')!;
        d.value = '楼道堆放杂物';
        d.dispatchEvent(new Event('input', { bubbles: true }));
        const addr = root.querySelector<HTMLInputElement>('#address')!;
        addr.value = '3 号楼';
        addr.dispatchEvent(new Event('input', { bubbles: true }));
        await el.updateComplete;
        root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await until(() => (root.querySelector('[role=alert]')?.textContent ?? '').includes(words), `the ${status} text`);
        const alert = root.querySelector('[role=alert]')!.textContent;
        expect(alert).not.to.match(/PUT|\/v1\/|019a4b2c/);
        expect(root.querySelector<HTMLTextAreaElement>('#description')!.value).to.equal('楼道堆放杂物');
      });
    });
  }
});
