// Gate (issue 9): hostile input stays inert text — rounds 1 and 2, the corpus and the export checks.
// The suite is in hostile-suite.ts; hostile-late.test.ts runs rounds 3 and 4.
import { hostileGate } from './hostile-suite.js';

hostileGate('gate: hostile input', [0, 1], true);
