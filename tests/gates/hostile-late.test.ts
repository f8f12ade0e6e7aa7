// Gate (issue 9): hostile input stays inert text — rounds 3 and 4 (see hostile-suite.ts).
import { hostileGate } from './hostile-suite.js';

hostileGate('gate: hostile input (rounds 3–4)', [2, 3], false);
