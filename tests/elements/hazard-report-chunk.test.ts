// fg-hazard-report's form loads with its data (hazard-report/ui.ts, DESIGN §8): when that chunk
// cannot load, the element says so instead of loading forever, and loads it again with the next
// client. Its own file: the chunk must not have loaded in this page before.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '@firegrid/elements/hazard-report/define';
import type { FgHazardReport } from '@firegrid/elements/hazard-report';
import { reportClient } from '../../stories/hazard-report.stories.js';
import { until } from '../support/wait.js';

describe('fg-hazard-report when its form cannot load', () => {
  afterEach(async () => {
    await executeServerCommand('fail-requests', { match: null });
  });

  it('tells why, without the form, and loads the form with the next client', async () => {
    await executeServerCommand('fail-requests', { match: '/hazard-report/ui.' });
    const errors: unknown[] = [];
    const el = await fixture<FgHazardReport>(html`<fg-hazard-report .client=${reportClient()} @fg-error=${(e: CustomEvent) => { errors.push(e.detail); }}></fg-hazard-report>`);
    const alert = (): string => el.shadowRoot!.querySelector('[part~="error"]')?.textContent.trim() ?? '';
    await until(() => alert() !== '', 'the error of the form that could not load');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('加载中');
    expect(errors.length).to.be.greaterThan(0);

    await executeServerCommand('fail-requests', { match: null });
    el.client = reportClient();
    await until(() => el.shadowRoot!.querySelector('form') !== null, 'the form, loaded with the next client');
    expect(alert()).to.equal('');
    expect(el.shadowRoot!.querySelector('#category')).not.to.equal(null);
  });
});
