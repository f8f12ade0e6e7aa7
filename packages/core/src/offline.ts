// @firegrid/core/offline — drafts, the outbox and sync on IndexedDB (DESIGN §4), photos kept and
// compressed on the device, and `localDataPort` for standalone use. Browser APIs live here, not
// in the main entry.

export { offlineBackend, createOfflineBackend } from './offline/backend.js';
export type { OfflineOptions, OfflineBackend } from './offline/backend.js';
export { localDataPort } from './offline/local-port.js';
export type { LocalDataPortOptions } from './offline/local-port.js';
export { autosave } from './offline/autosave.js';
export type { Autosave, AutosaveOptions } from './offline/autosave.js';
export { compressPhoto, isDevicePhoto, DEVICE_PHOTO_SCHEME, MAX_PHOTO_EDGE } from './offline/photos.js';
export type { CompressOptions, CompressedPhoto } from './offline/photos.js';
export { outcomeOf, backoffDelay } from './offline/outcome.js';
export type { Outcome, BackoffOptions } from './offline/outcome.js';
export { dbNameOf, DB_VERSION } from './offline/db.js';
export { detectEnv } from './offline/env.js';
export type { OfflineEnv } from './offline/env.js';
export { OutboxEntry, OutboxFailure, OUTBOX_STATES } from './offline/types.js';
export type {
  OutboxState, ConflictChoice, LockMode, OfflineStatus, OfflineChange, DraftLock, LockDraftOptions, OfflineControl,
} from './offline/types.js';
