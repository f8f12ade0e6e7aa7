// Registers every Firegrid element. Each element's own `<name>/define` registers only that one.
import './provider/define.js';
import './checklist/define.js';
import './hazard-report/define.js';
import './hazard-ledger/define.js';
import './captain-registry/define.js';
import './captain-notice/define.js';
import './grid-score/define.js';
