import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { FiregridError, createFiregridClient, defineHost, memoryDataPort, newId } from '@firegrid/core';
import type { DataPort, FiregridClient, FiregridHost, HostSession, Place } from '@firegrid/core';
import { FiregridHttpError } from '@firegrid/core/http';
import { offlineBackend } from '@firegrid/core/offline';
import '@firegrid/elements/hazard-report/define';
import { demoSeed, demoSession } from '../examples/demo-data.js';

/** A resident of the demo grid, signed in through the tip-off page. */
export const residentSession: HostSession = {
  tenantId: 'demo', user: { id: 'r-0001', name: '热心居民', roles: ['resident'] }, scope: [], locale: 'zh-CN',
};

/** A photo the memory camera "takes": a small JPEG drawn on a canvas. */
export async function samplePhoto(label = '现场照片', width = 640, height = 480): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (ctx !== null) {
    ctx.fillStyle = '#8d6e63';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#fff';
    ctx.font = '48px sans-serif';
    ctx.fillText(label, 40, height / 2);
  }
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
}

/** Options of {@link reportHost}. */
export interface ReportHostOptions {
  session?: HostSession;
  /** The data port; a memory port over the demo places by default. */
  data?: DataPort;
  /** Leave out the host's camera, map and directory (the browser fallbacks are used). */
  bare?: boolean;
}

/** A memory host as a grid platform offers it: camera bridge, GCJ-02 map and a place directory. */
export function reportHost(options: ReportHostOptions = {}): FiregridHost {
  const session = options.session ?? demoSession;
  const places = (demoSeed.places ?? []) as Place[];
  return defineHost({
    session: () => Promise.resolve(session),
    data: options.data ?? memoryDataPort(demoSeed),
    ...(options.bare === true ? {} : {
      media: { capture: async () => [await samplePhoto()] },
      geo: {
        locate: () => Promise.resolve({ lng: 112.5612, lat: 37.8631, crs: 'GCJ02' as const, accuracyM: 12 }),
        pick: () => Promise.resolve({ lng: 112.5601, lat: 37.8625, crs: 'GCJ02' as const }),
      },
      directory: {
        places: ({ q = '' }) => Promise.resolve(places
          .filter((p) => p.name.includes(q) || p.address.includes(q))
          .map((p) => ({ id: p.id, name: p.name, address: p.address, gridId: p.gridId, kind: p.kind }))),
      },
    }),
  });
}

/** A client over {@link reportHost}. */
export function reportClient(options: ReportHostOptions = {}): FiregridClient {
  return createFiregridClient({ host: reportHost(options) });
}

/** A data port with no network: every call fails as a lost connection does. */
export function unreachablePort(): DataPort {
  const down = (): Promise<never> => Promise.reject(new FiregridError('network', '网络不可用（演示：没有信号）'));
  return { list: down, get: down, save: down, command: down, uploadMedia: down, readMedia: down };
}

const meta: Meta = {
  title: 'Elements/fg-hazard-report',
  component: 'fg-hazard-report',
  excludeStories: ['residentSession', 'samplePhoto', 'reportHost', 'reportClient', 'unreachablePort'],
  parameters: {
    docs: {
      description: {
        component: 'Reports one fire hazard with photos, a location with its CRS and a place from the host directory; keeps a draft and submits through the client (queued on the device with the offline backend). Here over a memory host.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** A grid worker reports from his grid: camera bridge, map and place directory from the host. */
export const Worker: Story = {
  render: (): TemplateResult => html`<fg-hazard-report .client=${reportClient()}></fg-hazard-report>`,
};

/** A resident's tip-off: simpler, 20 px text and 56 px targets, contact kept confidential by default. */
export const Public: Story = {
  render: (): TemplateResult => html`<fg-hazard-report mode="public" .client=${reportClient({ session: residentSession })}></fg-hazard-report>`,
};

/** The same form in English. */
export const English: Story = {
  render: (): TemplateResult => html`<fg-hazard-report locale="en" .client=${reportClient()}></fg-hazard-report>`,
};

/**
 * In a basement without signal: the offline backend keeps the draft and, on submit, queues the
 * report and its photos on the device; the form says it will be sent when the network returns.
 */
export const Offline: Story = {
  render: (): TemplateResult => {
    const client = createFiregridClient({
      host: reportHost({ data: unreachablePort() }),
      backend: offlineBackend({ prefix: 'fg-story-report-offline', autoSync: false, persist: false }),
    });
    return html`<fg-hazard-report .client=${client}></fg-hazard-report>`;
  },
};

/** Submitted empty: each field says what it needs, and the alert counts them. */
export const ValidationErrors: Story = {
  render: (): TemplateResult => html`<fg-hazard-report mode="public" .client=${reportClient({ session: residentSession })}
    ${ref((el) => {
      if (!(el instanceof HTMLElement)) return;
      // Submit once it has rendered, the way a person pressing 提交 would.
      const submit = async (): Promise<void> => {
        for (let i = 0; i < 20 && el.shadowRoot?.querySelector('form') == null; i++) await new Promise((r) => setTimeout(r, 10));
        el.shadowRoot?.querySelector('form')?.requestSubmit();
      };
      void submit();
    })}></fg-hazard-report>`,
};

/** Without a client the element says what is missing. */
export const NoClient: Story = {
  render: (): TemplateResult => html`<fg-hazard-report></fg-hazard-report>`,
};

/** A 390 px panel, set through the CSSOM: a style attribute would break the strict CSP the stories run under. */
const narrow = (el: Element | undefined): void => {
  if (el instanceof HTMLElement) el.style.maxWidth = '390px';
};

/**
 * In a 390 px side panel of a desk screen (or on a phone): the element's own width is under
 * 600 px, so 上报隐患 is one full-width button that sticks to the bottom, with 取消 above it.
 */
export const NarrowPanel: Story = {
  render: (): TemplateResult => html`<div ${ref(narrow)}><fg-hazard-report .client=${reportClient()}></fg-hazard-report></div>`,
};

/** Fills the report in and sends it once it has rendered, the way a resident would; then `after` (the network back). */
function sendOnce(el: Element | undefined, after?: () => Promise<unknown>): void {
  if (!(el instanceof HTMLElement)) return;
  const send = async (): Promise<void> => {
    for (let i = 0; i < 50 && el.shadowRoot?.querySelector('form') == null; i++) await new Promise((r) => setTimeout(r, 20));
    const root = el.shadowRoot;
    const set = (sel: string, value: string, type: string): void => {
      const field = root?.querySelector<HTMLInputElement>(sel);
      if (field == null) return;
      field.value = value;
      field.dispatchEvent(new Event(type, { bubbles: true }));
    };
    set('#category', 'fire-lane-blocked', 'change');
    set('#description', '小区东门消防通道被私家车堵住', 'input');
    set('#address', '桥东小区东门', 'input');
    root?.querySelector('form')?.requestSubmit();
    for (let i = 0; i < 100 && root?.querySelector('#result-title') == null; i++) await new Promise((r) => setTimeout(r, 20));
    await after?.();
  };
  void send();
}

/**
 * A resident's tip-off queued from a basement that the server refused once the network was back:
 * 服务器未接受 in the error tone with why, and 修改后重新提交 to bring it back into the form.
 */
export const RefusedResult: Story = {
  render: (): TemplateResult => {
    const refused = (): Promise<never> => Promise.reject(new FiregridHttpError('rejected', 'PUT /v1/hazards failed (422): description: too short', {
      status: 422, issues: [{ path: 'description', message: '描述至少需要 15 个字' }],
    }));
    const client = createFiregridClient({
      host: reportHost({ data: { ...unreachablePort(), save: refused }, session: residentSession }),
      backend: offlineBackend({ prefix: `fg-story-report-refused-${newId()}`, autoSync: false, persist: false }),
    });
    return html`<fg-hazard-report mode="public" .client=${client} ${ref((el) => { sendOnce(el, () => client.offline?.sync({ force: true }) ?? Promise.resolve()); })}></fg-hazard-report>`;
  },
};

/**
 * A resident's tip-off just sent from a basement: queued on the device, 待发送（1） in the warning
 * tone, with the reference number he can quote (it exists before the report reaches a server).
 */
export const QueuedResult: Story = {
  render: (): TemplateResult => {
    const client = createFiregridClient({
      host: reportHost({ data: unreachablePort(), session: residentSession }),
      // A new outbox each time, and a fixed id: the count and the reference number are the same on every render.
      backend: offlineBackend({ prefix: `fg-story-report-queued-${newId()}`, autoSync: false, persist: false }),
    });
    return html`<fg-hazard-report mode="public" draft-id="019a4b2c-0000-7000-8000-0000000a1b2c" .client=${client} ${ref((el) => {
      if (!(el instanceof HTMLElement)) return;
      // Fill and send once it has rendered, the way a resident would.
      const send = async (): Promise<void> => {
        for (let i = 0; i < 50 && el.shadowRoot?.querySelector('form') == null; i++) await new Promise((r) => setTimeout(r, 20));
        const root = el.shadowRoot;
        const set = (sel: string, value: string, type: string): void => {
          const field = root?.querySelector<HTMLInputElement>(sel);
          if (field == null) return;
          field.value = value;
          field.dispatchEvent(new Event(type, { bubbles: true }));
        };
        set('#category', 'fire-lane-blocked', 'change');
        set('#description', '小区东门消防通道被私家车堵住', 'input');
        set('#address', '桥东小区东门', 'input');
        root?.querySelector('form')?.requestSubmit();
      };
      void send();
    })}></fg-hazard-report>`;
  },
};
