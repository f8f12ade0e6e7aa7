import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { FiregridError, createFiregridClient, defineHost, hazardCommands, memoryDataPort, newId } from '@firegrid/core';
import type { ChecklistTemplate, DataPort, FiregridClient, Inspection, Place } from '@firegrid/core';
import {
  commercialComplex, dailyPatrol, ebikeShed, highRiseResidential, oldResidential, periodicInspection, ruralVillage, smallVenue,
  templates, threeInOne,
} from '@firegrid/core/templates';
import '@firegrid/elements/provider/define';
import '@firegrid/elements/checklist/define';
import { demoSession, demoSessionEn } from '../examples/demo-data.js';

const t = '2026-11-02T09:00:00+08:00';
const stored = { version: 1, createdAt: t, updatedAt: t, tenantId: 'demo' };
const grid = '140106001001';
const place = (n: number, p: Omit<Place, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'tenantId' | 'gridId'>): Place =>
  ({ ...stored, id: `019a4b2c-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`, gridId: grid, ...p });

/** One place of each kind the library's templates are for. */
const PLACES = {
  highRise: place(1, { kind: 'residential', name: '桥东小区 3 号楼', address: '迎泽区桥东街 18 号', building: { floors: 18, heightM: 54, households: 144, yearBuilt: 2012 } }),
  oldCompound: place(2, { kind: 'residential', name: '柳巷老旧小区 7 号院', address: '迎泽区柳巷南路 7 号', building: { floors: 5, heightM: 15, households: 40, yearBuilt: 1988 } }),
  office: place(3, { kind: 'public-building', name: '柳巷街道办事处', address: '迎泽区柳巷南路 1 号', building: { floors: 4, heightM: 16 } }),
  mall: place(4, { kind: 'commercial-complex', name: '迎泽万达广场', address: '迎泽区迎泽大街 100 号', building: { floors: 6, heightM: 32 } }),
  shop: place(5, { kind: 'small-venue', name: '老王五金店', address: '迎泽区柳巷南路 21 号', building: { floors: 2, heightM: 7 } }),
  workshop: place(6, { kind: 'three-in-one', name: '柳巷服装加工作坊', address: '迎泽区柳巷北路 9 号', building: { floors: 2, heightM: 7 } }),
  shed: place(7, { kind: 'ebike-shed', name: '桥东小区电动自行车棚', address: '迎泽区桥东街 18 号院内', building: { floors: 1, heightM: 3 } }),
  village: place(8, { kind: 'village', name: '东山村', address: '迎泽区郝庄镇东山村' }),
};

interface Setup {
  client: FiregridClient;
  data: DataPort;
}

function setup(options: { english?: boolean; offline?: boolean } = {}): Setup {
  const session = options.english === true ? demoSessionEn : demoSession;
  // The lifecycle runs 当场整改 (fix-on-spot) of a failed item as the signed-in worker.
  const port = memoryDataPort({ places: Object.values(PLACES), templates: [...templates] }, { tenantId: 'demo', commands: hazardCommands({ actor: session.user }) });
  const data: DataPort = options.offline === true
    ? { ...port, save: () => Promise.reject(new FiregridError('network', '网络不可用：已离线 / The network is unreachable')) }
    : port;
  return { client: createFiregridClient({ host: defineHost({ session: () => Promise.resolve(session), data }) }), data };
}

const view = (client: FiregridClient, p: Place, template: ChecklistTemplate, extra: { elder?: boolean; locale?: 'zh-CN' | 'en' } = {}): TemplateResult =>
  html`<fg-provider .client=${client}><fg-checklist place-id=${p.id} template-id=${template.id} .locale=${extra.locale}
    ?elder=${extra.elder === true}></fg-checklist></fg-provider>`;

/** A photo, as the camera bridge would hand it over: a small red PNG. */
async function photoBlob(): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 120;
  const g = canvas.getContext('2d');
  if (g) {
    g.fillStyle = '#8d6e63';
    g.fillRect(0, 0, 160, 120);
    g.fillStyle = '#c62828';
    g.fillRect(50, 30, 60, 60);
  }
  return new Promise((resolve, reject) => { canvas.toBlob((b) => { if (b) resolve(b); else reject(new Error('no PNG')); }, 'image/png'); });
}

/** What this building does not have: no refuge floor, no sprinklers, no e-bike charging area. */
const NOT_HERE = ['refuge-signed', 'refuge-clear', 'sprinklers', 'ebike-area-separated'];
const ITEMS = highRiseResidential.sections.flatMap((s) => s.items).filter((i) => i.when === undefined);

/** A draft of the high-rise template: the first `n` unconditional items answered, some failed with evidence. */
async function draft(s: Setup, n: number, failures: boolean): Promise<Inspection> {
  let insp = await s.client.inspections.start(highRiseResidential, PLACES.highRise);
  const photo = failures ? await s.client.data.uploadMedia(await photoBlob(), { width: 160, height: 120, contentType: 'image/png' }, { idempotencyKey: newId() }) : undefined;
  for (const [k, item] of ITEMS.slice(0, n).entries()) {
    const fail = failures && (item.id === 'fire-lane-no-parking' || item.id === 'exits-no-storage');
    insp = await s.client.inspections.answer(insp, highRiseResidential, item.id, fail
      ? { result: 'fail', note: k === 0 ? '东侧消防车通道停放 3 辆私家车' : '一楼楼道堆放纸箱和旧家具', ...(photo !== undefined && { photos: [photo] }) }
      : { result: NOT_HERE.includes(item.id) ? 'na' : 'pass' });
  }
  return insp;
}

const meta: Meta = {
  title: 'Elements/fg-checklist',
  component: 'fg-checklist',
  parameters: {
    docs: {
      description: {
        component:
          'Fills one inspection of a place: pass / fail / not applicable per item, a note and photos on a failed item, conditional items, progress, an autosaved draft and submit. Every story runs over a memory host seeded with the nine templates of `@firegrid/core/templates`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const templateStory = (p: Place, template: ChecklistTemplate): Story => ({
  loaders: [() => ({ s: setup() })],
  render: (_args, { loaded }) => view((loaded.s as Setup).client, p, template),
});

/** 单位日常防火巡查 at a four-storey street office: the 令5号 items stay hidden (not a high-rise). */
export const DailyPatrol: Story = templateStory(PLACES.office, dailyPatrol);
/** 单位定期防火检查 at the same office. */
export const PeriodicInspection: Story = templateStory(PLACES.office, periodicInspection);
/** 高层住宅建筑: a 54 m residential building. */
export const HighRiseResidential: Story = templateStory(PLACES.highRise, highRiseResidential);
/** 大型商业综合体 of 32 m: its high-rise items (control room, hot work, kitchen ducts) are shown. */
export const CommercialComplex: Story = templateStory(PLACES.mall, commercialComplex);
/** 九小场所: a hardware shop. Failing "nobody sleeps here" brings up the sandwich-panel item. */
export const SmallVenue: Story = templateStory(PLACES.shop, smallVenue);
/** "三合一"场所: a garment workshop with lodgers. */
export const ThreeInOne: Story = templateStory(PLACES.workshop, threeInOne);
/** 老旧小区 built in 1988: no item cites the high-rise regulation. */
export const OldResidential: Story = templateStory(PLACES.oldCompound, oldResidential);
/** 电动自行车集中停放充电场所: most items rest on a draft standard and say so. */
export const EbikeShed: Story = templateStory(PLACES.shed, ebikeShed);
/** 农村: a village. */
export const RuralVillage: Story = templateStory(PLACES.village, ruralVillage);

/** Empty: nothing answered yet (no template-id: the one stored template that applies is used). */
export const Empty: Story = {
  loaders: [() => ({ s: setup() })],
  render: (_args, { loaded }) => html`<fg-provider .client=${(loaded.s as Setup).client}><fg-checklist place-id=${PLACES.shop.id}></fg-checklist></fg-provider>`,
};

/** Half-filled: the draft the worker left is found again and continued. */
export const HalfFilled: Story = {
  loaders: [async () => { const s = setup(); await draft(s, 14, false); return { s }; }],
  render: (_args, { loaded }) => view((loaded.s as Setup).client, PLACES.highRise, highRiseResidential),
};

/** Failed items with their evidence: notes and photos on the fire-lane and exit items. */
export const FailedWithEvidence: Story = {
  loaders: [async () => { const s = setup(); await draft(s, 8, true); return { s }; }],
  render: (_args, { loaded }) => view((loaded.s as Setup).client, PLACES.highRise, highRiseResidential),
};

/**
 * Complete, with two failed items: press 提交 and each failed item is listed as a hazard draft
 * with 上报 (edit its title, category and note first), 当场整改 (a general item: its photos are
 * the ones before, add one after and a note; the hazard is closed by `fix-on-spot`) and 不上报. `report-failed="auto"` reports
 * them all at once; `off` leaves them to the host's own flow (the submit event carries them).
 */
export const HandoffAfterSubmit: Story = {
  loaders: [async () => { const s = setup(); await draft(s, ITEMS.length, true); return { s }; }],
  render: (_args, { loaded }) => view((loaded.s as Setup).client, PLACES.highRise, highRiseResidential),
};

/** Read-only: a submitted inspection, opened by `inspection-id`. */
export const ReadOnly: Story = {
  loaders: [async () => {
    const s = setup();
    const { inspection } = await s.client.inspections.submit(await draft(s, ITEMS.length, true), highRiseResidential, PLACES.highRise);
    return { s, id: inspection.id };
  }],
  render: (_args, { loaded }) => html`<fg-provider .client=${(loaded.s as Setup).client}><fg-checklist inspection-id=${loaded.id as string}></fg-checklist></fg-provider>`,
};

/**
 * Offline with unsent changes: the draft is kept on the device and the host cannot be reached.
 * Press 提交检查 to see the submission refused with the reason while every answer stays.
 */
export const OfflineUnsent: Story = {
  loaders: [async () => {
    const s = setup({ offline: true });
    await draft(s, ITEMS.length, true);
    return { s };
  }],
  render: (_args, { loaded }) => view((loaded.s as Setup).client, PLACES.highRise, highRiseResidential),
};

/** In English (`locale="en"`; a session in English does the same when neither the element nor its provider sets a locale). */
export const English: Story = {
  loaders: [() => ({ s: setup({ english: true }) })],
  render: (_args, { loaded }) => view((loaded.s as Setup).client, PLACES.oldCompound, oldResidential, { locale: 'en' }),
};

/** Elder-friendly mode: 20 px text, 56 px targets. */
export const Elder: Story = {
  loaders: [() => ({ s: setup() })],
  render: (_args, { loaded }) => view((loaded.s as Setup).client, PLACES.village, ruralVillage, { elder: true }),
};
