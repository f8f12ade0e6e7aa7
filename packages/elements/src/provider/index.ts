export { FgProvider } from './provider.js';
