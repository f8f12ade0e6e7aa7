// Compression and hashing of a photo for a direct upload, loaded with the first photo taken.
export { preparePhoto } from '@firegrid/core/browser';
