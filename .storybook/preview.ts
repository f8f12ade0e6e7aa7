import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import customElements from '../packages/elements/custom-elements.json';

setCustomElementsManifest(customElements);

const preview: Preview = { tags: ['autodocs'] };
export default preview;
