import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createFiregridClient, defineHost, memoryDataPort } from '@firegrid/core';
import '@firegrid/elements/provider/define';
import '../examples/session-card.js';
import { demoSeed, demoSession, demoSessionEn } from '../examples/demo-data.js';

const client = (session = demoSession) =>
  createFiregridClient({ host: defineHost({ session: () => Promise.resolve(session), data: memoryDataPort(demoSeed) }) });

const meta: Meta = {
  title: 'Elements/fg-provider',
  component: 'fg-provider',
  parameters: {
    docs: {
      description: {
        component:
          'Provides the Firegrid client to every element inside it. Here over a memory host; the card inside is an example of a vendor element reading the session through `ClientController`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** A grid worker's session, provided to a nested element. */
export const MemoryHost: Story = {
  render: () => html`<fg-provider .client=${client()}><example-session-card></example-session-card></fg-provider>`,
};

/** The same in English: the session's locale is `en`. */
export const English: Story = {
  render: () => html`<fg-provider .client=${client(demoSessionEn)}><example-session-card></example-session-card></fg-provider>`,
};

/**
 * The provider's `locale` wins over the session's (here zh-CN), and an element's own `locale`
 * wins over the provider's. `lang` attributes are not read.
 */
export const ProviderLocale: Story = {
  render: () => html`<fg-provider locale="en" .client=${client()}><example-session-card></example-session-card></fg-provider>`,
};

/** Without a provider the element says what is missing. */
export const NoProvider: Story = {
  render: () => html`<example-session-card></example-session-card>`,
};
