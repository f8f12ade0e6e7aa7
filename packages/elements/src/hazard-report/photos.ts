// The photo helpers moved to ../photos/ (shared by the report, the ledger and the checklist);
// this path stays for the modules that import it.
export { PhotoUrls, captureFromHost, keepPhoto } from '../photos/store.js';
