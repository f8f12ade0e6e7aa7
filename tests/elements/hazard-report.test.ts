import { expect, fixture, html } from '@open-wc/testing';
import { FiregridError, createFiregridClient, memoryDataPort, newId } from '@firegrid/core';
import type { DataPort, FiregridClient, Hazard } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import '@firegrid/elements/hazard-report/define';
import { FgHazardReport } from '@firegrid/elements/hazard-report';
import { demoSeed } from '../../examples/demo-data.js';
import { reportClient, reportHost, residentSession, samplePhoto, unreachablePort } from '../../stories/hazard-report.stories.js';
import { until } from '../support/wait.js';

const PLACE_ID = '019a4b2c-0000-7000-8000-000000000001';

async function settled(el: HTMLElement): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await (el as Partial<FgHazardReport>).updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}
const $ = (el: HTMLElement, sel: string): HTMLElement => {
  const found = el.shadowRoot!.querySelector<HTMLElement>(sel);
  if (found === null) throw new Error(`no ${sel} in ${el.localName}`);
  return found;
};
const text = (el: HTMLElement): string => el.shadowRoot!.textContent;

async function mount(client: FiregridClient | undefined, attrs = ''): Promise<FgHazardReport> {
  const el = await fixture<FgHazardReport>(attrs === 'public'
    ? html`<fg-hazard-report mode="public" .client=${client}></fg-hazard-report>`
    : html`<fg-hazard-report .client=${client}></fg-hazard-report>`);
  await until(() => el.shadowRoot!.querySelector('form') !== null || client === undefined, 'the form');
  await settled(el);
  return el;
}

function choose(el: HTMLElement, sel: string, value: string): void {
  const s = ($(el, sel) as HTMLSelectElement);
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
}
function type(el: HTMLElement, sel: string, value: string): void {
  const f = ($(el, sel) as HTMLInputElement | HTMLTextAreaElement);
  f.value = value;
  f.dispatchEvent(new Event('input', { bubbles: true }));
}
async function submit(el: FgHazardReport): Promise<void> {
  $(el, '#submit').click();
  await settled(el);
}
function events(el: HTMLElement): { submit: Hazard[]; cancel: number } {
  const seen = { submit: [] as Hazard[], cancel: 0 };
  el.addEventListener('fg-hazard-submit', (e) => { seen.submit.push(e.detail.hazard); });
  el.addEventListener('fg-hazard-cancel', () => { seen.cancel++; });
  return seen;
}

describe('fg-hazard-report', () => {
  it('is registered, has its defaults and reads its attributes', async () => {
    expect(customElements.get('fg-hazard-report')).to.equal(FgHazardReport);
    const el = await fixture<FgHazardReport>(html`<fg-hazard-report></fg-hazard-report>`);
    expect(el.mode).to.equal('worker');
    expect(el.maxPhotos).to.equal(9);
    expect(el.elder).to.equal(false);
    const b = await fixture<FgHazardReport>(html`<fg-hazard-report mode="public" elder max-photos="3" draft-id="x" require-photo></fg-hazard-report>`);
    expect([b.mode, b.elder, b.maxPhotos, b.draftId, b.requirePhoto]).to.deep.equal(['public', true, 3, 'x', true]);
  });

  it('says what is missing without a client', async () => {
    const el = await mount(undefined);
    expect($(el, '[role=alert]').textContent).to.contain('fg-provider');
    await expect(el).to.be.accessible();
  });

  it('is accessible in worker and public mode, with 56 px targets and 20 px text for residents', async () => {
    const worker = await mount(reportClient());
    await expect(worker).to.be.accessible();
    expect($(worker, '#submit').getBoundingClientRect().height).to.be.at.least(44);
    const pub = await mount(reportClient({ session: residentSession }), 'public');
    await expect(pub).to.be.accessible();
    expect($(pub, '#submit').getBoundingClientRect().height).to.be.at.least(56);
    expect(getComputedStyle($(pub, 'form')).fontSize).to.equal('20px');
    expect(text(pub)).to.contain('举报火灾隐患');
  });

  it('validates next to each field, focuses the first, and sends nothing', async () => {
    const data = memoryDataPort(demoSeed);
    const el = await mount(reportClient({ data }));
    const seen = events(el);
    await submit(el);
    expect($(el, '#category-error').textContent).to.equal('请选择隐患类别');
    expect($(el, '#description-error').textContent).to.equal('请描述隐患情况');
    expect($(el, '#address-error').textContent).to.contain('至少填一项');
    expect($(el, '#category').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#category').getAttribute('aria-describedby')).to.equal('category-error');
    expect($(el, '[role=alert]').textContent).to.contain('3');
    expect(el.shadowRoot!.activeElement?.id).to.equal('category');
    expect(seen.submit).to.deep.equal([]);
    expect((await data.list('hazards', {})).items).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // Fixing a field clears its message at once.
    choose(el, '#category', 'ebike-indoor');
    await settled(el);
    expect($(el, '#category-error').textContent).to.equal('');
  });

  it('reports a hazard with a place from the directory, a GCJ-02 point and a compressed photo', async () => {
    const data = memoryDataPort(demoSeed);
    const client = reportClient({ data });
    const el = await mount(client);
    const seen = events(el);
    choose(el, '#category', 'ebike-indoor');
    type(el, '#description', '3 号楼一层楼道停放电动车充电\n晚上尤其多');
    type(el, '#place-q', '桥东');
    $(el, '#search-place').click();
    await until(() => el.shadowRoot!.querySelector('.results button') !== null, 'place results');
    $(el, '.results button').click();
    await settled(el);
    expect(text(el)).to.contain('已选场所：桥东小区 3 号楼');
    $(el, '#locate').click();
    await until(() => el.shadowRoot!.querySelector('#location-text') !== null, 'the location');
    expect($(el, '#location-text').textContent).to.contain('GCJ02');
    $(el, '#add-photo').click();
    await until(() => el.shadowRoot!.querySelectorAll('.photo-remove').length === 1, 'the photo');
    await until(() => el.shadowRoot!.querySelector('.photo-tile img') !== null, 'the thumbnail');
    expect(($(el, '.photo-tile img') as HTMLImageElement).alt).to.equal('现场照片 1');
    await submit(el);
    await until(() => seen.submit.length === 1, 'fg-hazard-submit');
    const h = seen.submit[0]!;
    expect(h).to.include({ category: 'ebike-indoor', status: 'reported', source: 'worker', severity: 'general', placeId: PLACE_ID, gridId: '140106001001' });
    expect(h.title).to.equal('3 号楼一层楼道停放电动车充电');
    expect(h.description).to.equal('3 号楼一层楼道停放电动车充电\n晚上尤其多');
    expect(h.location).to.deep.equal({ lng: 112.5612, lat: 37.8631, crs: 'GCJ02', accuracyM: 12 });
    expect(h.reporter).to.deep.equal({ kind: 'grid-worker', personId: 'w-0101', confidential: false });
    expect(h.photos).to.have.length(1);
    const blob = await data.readMedia(h.photos[0]!);
    expect(blob.type).to.equal('image/jpeg');
    expect((await data.get('hazards', h.id))?.status).to.equal('reported');
    expect(await client.drafts.list('hazards')).to.deep.equal([]);
    await until(() => el.shadowRoot!.querySelector('#result-title')?.textContent === '已上报', 'the result 已上报');
    // 继续上报: the form is ready for the next report.
    $(el, '#again').click();
    await until(() => el.shadowRoot!.querySelector('#description') !== null, 'the form');
    expect(($(el, '#description') as HTMLTextAreaElement).value).to.equal('');
  });

  it('compresses a large photo chosen in the browser to a 1600 px JPEG without its EXIF', async () => {
    const data = memoryDataPort(demoSeed);
    const el = await mount(reportClient({ data, bare: true }));
    const jpeg = new Uint8Array(await (await samplePhoto('大图', 3000, 2000)).arrayBuffer());
    // An APP1 "Exif" segment right after SOI, as a phone camera writes (with the position in it).
    const tiff = [0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
    const exif = [...new TextEncoder().encode('Exif'), 0, 0, ...tiff];
    const app1 = [0xff, 0xe1, 0, exif.length + 2, ...exif];
    const withExif = new Uint8Array([...jpeg.slice(0, 2), ...app1, ...jpeg.slice(2)]);
    const has = (bytes: Uint8Array): boolean => new TextDecoder('latin1').decode(bytes).includes('Exif\0\0');
    expect(has(withExif)).to.equal(true);
    const file = new File([withExif], 'big.jpg', { type: 'image/jpeg' });
    const dt = new DataTransfer();
    dt.items.add(file);
    const input = ($(el, '#file') as HTMLInputElement);
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => el.shadowRoot!.querySelectorAll('.photo-remove').length === 1, 'the photo');
    choose(el, '#category', 'other');
    type(el, '#description', '大图测试');
    type(el, '#address', '柳巷南路 7 号');
    const seen = events(el);
    await submit(el);
    await until(() => seen.submit.length === 1, 'fg-hazard-submit');
    const ref = seen.submit[0]!.photos[0]!;
    expect([ref.width, ref.height]).to.deep.equal([1600, 1067]);
    const stored = await data.readMedia(ref);
    const bitmap = await createImageBitmap(stored);
    expect([bitmap.width, bitmap.height]).to.deep.equal([1600, 1067]);
    expect(has(new Uint8Array(await stored.arrayBuffer()))).to.equal(false);
  });

  it('falls back to the browser position (WGS84) when the host has no map', async () => {
    const geo = navigator.geolocation as Geolocation & { getCurrentPosition: Geolocation['getCurrentPosition'] };
    const own = Object.getOwnPropertyDescriptor(geo, 'getCurrentPosition');
    Object.defineProperty(geo, 'getCurrentPosition', {
      configurable: true,
      value: (ok: PositionCallback) => { ok({ coords: { longitude: 112.55, latitude: 37.86, accuracy: 30 } } as GeolocationPosition); },
    });
    try {
      const el = await mount(reportClient({ bare: true }));
      $(el, '#locate').click();
      await until(() => el.shadowRoot!.querySelector('#location-text') !== null, 'the location');
      expect($(el, '#location-text').textContent).to.contain('WGS84');
      expect(el.shadowRoot!.querySelector('#pick')).to.equal(null);
    } finally {
      if (own === undefined) delete (geo as unknown as Record<string, unknown>).getCurrentPosition;
      else Object.defineProperty(geo, 'getCurrentPosition', own);
    }
  });

  it('sends a resident tip-off with a confidential contact, and checks the phone number', async () => {
    const data = memoryDataPort(demoSeed);
    const el = await mount(reportClient({ data, session: residentSession }), 'public');
    const seen = events(el);
    expect(($(el, '#confidential') as HTMLInputElement).checked).to.equal(true);
    expect(el.shadowRoot!.querySelector('#place-q')).to.equal(null);
    choose(el, '#category', 'fire-lane-blocked');
    type(el, '#description', '小区东门消防通道被私家车堵住');
    type(el, '#address', '桥东小区东门');
    type(el, '#contact-name', '张先生');
    type(el, '#contact-phone', '139-abc');
    await submit(el);
    expect($(el, '#contact-phone-error').textContent).to.contain('手机号码格式不对');
    expect(seen.submit).to.have.length(0);
    type(el, '#contact-phone', '13912345678');
    await submit(el);
    await until(() => seen.submit.length === 1, 'fg-hazard-submit');
    expect(seen.submit[0]!.source).to.equal('public');
    expect(seen.submit[0]!.reporter).to.deep.equal({ kind: 'resident', personId: 'r-0001', contact: '张先生 13912345678', confidential: true });
  });

  it('keeps the draft across a reload (IndexedDB) and restores it', async () => {
    const prefix = `fg-test-report-${newId()}`;
    const make = (): FiregridClient => createFiregridClient({ host: reportHost(), backend: offlineBackend({ prefix, autoSync: false, persist: false }) });
    const first = await mount(make());
    choose(first, '#category', 'exit-blocked');
    type(first, '#description', '安全出口堆放纸箱');
    type(first, '#address', '老王五金店后门');
    await new Promise((r) => setTimeout(r, 600));
    first.remove();
    const second = await mount(make());
    expect(($(second, '#category') as HTMLSelectElement).value).to.equal('exit-blocked');
    expect(($(second, '#description') as HTMLTextAreaElement).value).to.equal('安全出口堆放纸箱');
    expect(($(second, '#address') as HTMLInputElement).value).to.equal('老王五金店后门');
    expect(text(second)).to.contain('已恢复上次未提交的内容');
  });

  it('submits offline through the outbox, photos kept on the device', async () => {
    const client = createFiregridClient({
      host: reportHost({ data: unreachablePort() }),
      backend: offlineBackend({ prefix: `fg-test-report-${newId()}`, autoSync: false, persist: false }),
    });
    const el = await mount(client);
    const seen = events(el);
    choose(el, '#category', 'electrical');
    type(el, '#description', '地下室私拉电线');
    type(el, '#address', '桥东小区 3 号楼地下室');
    $(el, '#add-photo').click();
    await until(() => el.shadowRoot!.querySelectorAll('.photo-tile img').length === 1, 'the device photo');
    await submit(el);
    await until(() => seen.submit.length === 1, 'fg-hazard-submit');
    await until(() => el.shadowRoot!.querySelector('#result-title')?.textContent === '待发送（1）', '待发送（1）');
    expect(text(el)).to.contain('有网络时会自动发送');
    const status = await client.offline!.status();
    expect(status.pending).to.have.length(1);
    expect(status.pending[0]!.record?.id).to.equal(seen.submit[0]!.id);
    expect(status.pending[0]!.photos).to.have.length(1);
  });

  it('keeps what was typed and marks the field when the server refuses the report', async () => {
    const base = memoryDataPort(demoSeed);
    const refusing: DataPort = {
      ...base,
      save: () => Promise.reject(new FiregridError('rejected', '地址不在本辖区（422）', { issues: [{ path: 'address', message: '不在本辖区' }] })),
    };
    const el = await mount(reportClient({ data: refusing }));
    choose(el, '#category', 'flammables');
    type(el, '#description', '门口堆放液化气罐');
    type(el, '#address', '外省某地');
    await submit(el);
    // The alert's wording loads with the first error (error-text.ts): wait for it, not for a turn.
    await until(() => $(el, '[role=alert]').textContent.includes('地址不在本辖区'), 'the server\'s refusal in the alert');
    expect($(el, '#address-error').textContent).to.equal('不在本辖区');
    expect(($(el, '#description') as HTMLTextAreaElement).value).to.equal('门口堆放液化气罐');
  });

  it('renders markup in text and in host data as text, never as elements', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const client = reportClient();
    const id = newId();
    await client.drafts.save('hazards', { id, status: 'draft', source: 'worker', description: hostile, address: hostile });
    const el = await mount(client);
    expect(($(el, '#description') as HTMLTextAreaElement).value).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('fires nothing on property sets; cancel discards the draft and fires fg-hazard-cancel', async () => {
    const client = reportClient();
    const el = await mount(client);
    const seen = events(el);
    el.mode = 'public';
    el.maxPhotos = 2;
    el.client = reportClient();
    await settled(el);
    expect(seen).to.deep.equal({ submit: [], cancel: 0 });
    el.client = client;
    await settled(el);
    await until(() => el.shadowRoot!.querySelector('#description') !== null, 'the form');
    type(el, '#description', '要取消的内容');
    await new Promise((r) => setTimeout(r, 500));
    expect(await client.drafts.list('hazards')).to.have.length(1);
    $(el, '#cancel').click();
    // Something was typed: the person confirms first (hazard-report-result.test.ts has the rest).
    await until(() => ($(el, '#confirm') as HTMLDialogElement).open, 'the confirmation');
    $(el, '#discard').click();
    await until(() => seen.cancel === 1, 'fg-hazard-cancel');
    expect(await client.drafts.list('hazards')).to.deep.equal([]);
    expect(($(el, '#description') as HTMLTextAreaElement).value).to.equal('');
  });
});
