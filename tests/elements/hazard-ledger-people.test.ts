import { expect, fixture, html } from '@open-wc/testing';
import { createFiregridClient, defineHost, hazardCommands, memoryDataPort, newId, reporterPrivacy } from '@firegrid/core';
import type { DirectoryQuery, FiregridClient, HazardInput, HostSession } from '@firegrid/core';
import '@firegrid/elements/hazard-ledger/define';
import type { FgHazardLedger } from '@firegrid/elements/hazard-ledger';
import { HAZARD, ledgerSeed, supervisorSession, workerSession } from '../../stories/hazard-ledger.stories.js';
import { until, allDeep } from '../support/wait.js';

// People by name in the ledger: stored name (byName), then the host's directory, then the worker
// records by userId, else role·last 4. A confidential reporter is never looked up for a viewer
// who may not see him.
const deep = (el: HTMLElement, sel: string): HTMLElement | undefined =>
  allDeep(el.shadowRoot!).find((e) => e.matches(sel)) as HTMLElement | undefined;
function deepText(node: Node): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) out += child.textContent ?? '';
    else if (child instanceof Element) out += (child.shadowRoot ? deepText(child.shadowRoot) : '') + deepText(child);
  }
  return out;
}

const stranger: HazardInput = {
  id: newId(), category: 'other', title: '楼顶违规搭建彩钢板房', description: '', photos: [], source: 'worker', gridId: '140106001001',
  reporter: { kind: 'captain', personId: 'cap-77c3', confidential: false }, severity: 'general', status: 'verified',
  history: [
    { at: '2026-03-01T01:30:00Z', by: 'cap-77c3', action: 'submit', from: 'draft', to: 'reported' },
    { at: '2026-03-02T01:30:00Z', by: 'dir-5521', action: 'verify', from: 'reported', to: 'verified' },
  ],
};

function client(session: HostSession, directory?: { asked: DirectoryQuery[]; names: Record<string, string> }): FiregridClient {
  const seed = ledgerSeed();
  const port = memoryDataPort({ ...seed, hazards: [...(seed.hazards ?? []), stranger] }, { tenantId: 'demo', commands: hazardCommands({ actor: session.user }) });
  return createFiregridClient({
    host: defineHost({
      session: () => Promise.resolve(session),
      // The port keeps every reporter: the element must not look up the one the viewer may not see.
      data: session.user.roles.includes('grid-supervisor') ? reporterPrivacy(port, session.user) : port,
      ...(directory === undefined ? {} : {
        directory: {
          people: (q: DirectoryQuery) => {
            directory.asked.push(q);
            return Promise.resolve(Object.entries(directory.names).map(([id, name]) => ({ id, name })));
          },
        },
      }),
    }),
  });
}

async function mount(c: FiregridClient, hazardId?: string): Promise<FgHazardLedger> {
  const el = await fixture<FgHazardLedger>(hazardId === undefined
    ? html`<fg-hazard-ledger .client=${c} page-size="50"></fg-hazard-ledger>`
    : html`<fg-hazard-ledger .client=${c} hazard-id=${hazardId}></fg-hazard-ledger>`);
  await until(() => (hazardId === undefined ? el.shadowRoot!.querySelector('tbody tr') !== null : deep(el, '#d-title') !== undefined), 'the ledger');
  return el;
}

describe('fg-hazard-ledger: people by name', () => {
  it('names finders from the worker records and the rest by role·last 4, never by raw id', async () => {
    const el = await mount(client(workerSession));
    const text = deepText(el.shadowRoot!);
    expect(text).to.contain('李建国');
    expect(text).to.contain('楼长·77c3');
    expect(text).not.to.contain('w-0101');
    expect(text).not.to.contain('cap-77c3');
  });

  it('asks the host directory with the ids; the viewer himself is named by his session', async () => {
    const directory = { asked: [] as DirectoryQuery[], names: { 'cap-77c3': '孙楼长', 'dir-5521': '周网格长', 'w-0101': '李建国（目录）', 'r-0001': '张先生' } };
    const el = await mount(client(workerSession, directory));
    const text = deepText(el.shadowRoot!);
    expect(text).to.contain('孙楼长');
    expect(text).to.contain('李建国');
    expect(text).not.to.contain('李建国（目录）');
    // The confidential tip-off's reporter (r-0001) is 群众（保密） and his id is never asked about.
    expect(text).to.contain('群众（保密）');
    expect(text).not.to.contain('张先生');
    const asked = directory.asked.flatMap((q) => [...(q.ids ?? [])]);
    expect(asked).not.to.include('r-0001');
    expect(asked).to.include('cap-77c3');
    expect(asked).not.to.include(workerSession.user.id);
  });

  it('shows history actors by the name stored with the write, then the directory', async () => {
    const directory = { asked: [] as DirectoryQuery[], names: { 'dir-5521': '周网格长' } };
    const verified = await mount(client(supervisorSession), HAZARD.verified);
    const history = deepText(verified.shadowRoot!);
    expect(history).to.contain('王网格长');
    expect(history).not.to.contain('s-0101');
    const el = await mount(client(workerSession, directory), stranger.id);
    const text = deepText(el.shadowRoot!);
    expect(text).to.contain('周网格长');
    expect(text).not.to.contain('dir-5521');
  });

  it('a confidential reporter stays hidden in the history for a viewer who may not see him', async () => {
    const seed = ledgerSeed();
    const tip = seed.hazards!.find((h) => h.id === HAZARD.publicTip)!;
    const withHistory: HazardInput = { ...tip, id: newId(), history: [{ at: '2026-03-01T01:30:00Z', by: 'r-0001', byName: '张先生', action: 'submit', from: 'draft', to: 'reported' }] };
    const port = memoryDataPort({ ...seed, hazards: [withHistory] }, { tenantId: 'demo' });
    const directory = { asked: [] as DirectoryQuery[] };
    const c = createFiregridClient({
      host: defineHost({
        session: () => Promise.resolve(workerSession), data: port,
        directory: { people: (q) => { directory.asked.push(q); return Promise.resolve([]); } },
      }),
    });
    const el = await mount(c, withHistory.id);
    const text = deepText(el.shadowRoot!);
    expect(text).to.contain('群众（保密）');
    expect(text).not.to.contain('张先生');
    expect(text).not.to.contain('r-0001');
    expect(directory.asked.flatMap((q) => [...(q.ids ?? [])])).not.to.include('r-0001');
  });
});
