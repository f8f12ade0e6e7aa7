// A vendor's entry: register every element, give the provider a client over a memory port seeded
// with one place and one reported hazard, signed in as a grid supervisor (who may verify it).
import '@firegrid/elements/define';
import { createFiregridClient, defineHost, hazardCommands, memoryDataPort } from '@firegrid/core';

const GRID = '140106001001';
const PLACE = '019a4b2c-0000-7000-8000-0000000000c1';
const HAZARD = '019a4b2c-0000-7000-8000-0000000000d1';

const session = {
  tenantId: 'demo',
  user: { id: 's-0101', name: '王网格长', roles: ['grid-supervisor'] },
  scope: [GRID],
  locale: 'zh-CN',
};

const data = memoryDataPort(
  {
    places: [{ id: PLACE, kind: 'small-venue', name: '老王五金店', address: '迎泽区柳巷南路 21 号', gridId: GRID }],
    hazards: [{
      id: HAZARD, category: 'exit-blocked', title: '一层安全出口堆放杂物', description: '纸箱堵住一半通道', photos: [],
      source: 'worker', reporter: { kind: 'grid-worker', personId: 'w-0101', confidential: false },
      severity: 'general', status: 'reported', gridId: GRID, placeId: PLACE,
    }],
  },
  { tenantId: 'demo', commands: hazardCommands({ actor: session.user }) },
);

const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(session), data }) });
document.getElementById('provider').client = client;

const transitioned = [];
document.getElementById('ledger').addEventListener('fg-hazard-transitioned', (e) => transitioned.push(e.detail));

// What the driver reads back: the stored hazard and the events the ledger fired.
window.consumer = {
  hazardId: HAZARD,
  transitioned,
  status: async () => (await data.get('hazards', HAZARD))?.status,
};
