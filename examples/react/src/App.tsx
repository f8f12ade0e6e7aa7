import { useState } from 'react';
import { HazardLedger, HazardReport, Provider } from './firegrid.js';
import { client } from './client.js';

type View = 'ledger' | 'report';

/** A supervisor's page: the ledger, a report form, and what the elements told React. */
export function App() {
  const [view, setView] = useState<View>('ledger');
  const [said, setSaid] = useState('');
  return (
    <Provider client={client}>
      <header className="bar">
        <h1>隐患台账 · React 接入示例</h1>
        <nav aria-label="视图">
          <button type="button" aria-pressed={view === 'ledger'} onClick={() => { setView('ledger'); }}>隐患台账</button>
          <button type="button" aria-pressed={view === 'report'} onClick={() => { setView('report'); }}>上报隐患</button>
        </nav>
      </header>
      <p id="status" role="status">{said}</p>
      {view === 'ledger'
        ? <HazardLedger list="problems"
            onHazardOpen={(e) => { setSaid(`打开了隐患 ${e.detail.hazardId}`); }}
            onHazardTransitioned={(e) => { setSaid(`${e.detail.from} → ${e.detail.to}`); }} />
        : <HazardReport
            onHazardSubmit={(e) => { setSaid(`已上报：${e.detail.hazard.title}`); setView('ledger'); }}
            onHazardCancel={() => { setView('ledger'); }} />}
    </Provider>
  );
}
