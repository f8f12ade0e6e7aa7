/**
 * What `<fg-hazard-report>` needs once its data is ready, loaded with it by `import()`: the form's
 * view, the controllers behind its photos and its location, and the styles of the form, its
 * uploader and its button bar. The element's first paint (its loading line) needs none of it, so
 * none of it counts in the first download (DESIGN §8, bytes.all.initial).
 * @module
 */
export { formView } from './view.js';
export { WhereField } from './where.js';
export { PhotoField } from '../photos/field.js';
export { PHOTO_MESSAGES, photoUploaderStyles } from '../photos/uploader.js';
export { buttonBarStyles } from '../button-bar.js';
export { reportStyles } from './hazard-report.styles.js';
