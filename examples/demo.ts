// The demo host page: what a vendor writes once to embed Firegrid.
import { createFiregridClient, defineHost, memoryDataPort } from '@firegrid/core';
import { createBrowserHost } from '@firegrid/core/browser';
import '@firegrid/elements/define';
import '@firegrid/elements/themes/government-blue.css';
import './session-card.js';
import { demoSeed, demoSession } from './demo-data.js';

const host = defineHost(createBrowserHost({ data: memoryDataPort(demoSeed), session: demoSession }));
const client = createFiregridClient({ host });
const provider = document.getElementById('fg');
if (provider) Object.assign(provider, { client });

// Read through the client the way an element does: a page of the grid's places from the data port.
const list = document.getElementById('places');
client.data.list('places', { gridId: demoSession.scope[0], sort: 'name' }).then(
  (page) => {
    for (const p of page.items) {
      const li = document.createElement('li');
      li.textContent = `${p.name} — ${p.address}`;
      list?.append(li);
    }
  },
  (e: unknown) => {
    const li = document.createElement('li');
    li.setAttribute('role', 'alert');
    li.textContent = e instanceof Error ? e.message : String(e);
    list?.append(li);
  },
);
