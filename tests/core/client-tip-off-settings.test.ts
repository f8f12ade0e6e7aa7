// Issue 19 item 2: the vendor's tip-off clocks are given once to the client (`tipOffClocks`),
// checked there, and kept for the elements.
import { expect } from '@open-wc/testing';
import { createFiregridClient } from '../../packages/core/src/client/client.js';
import type { FiregridClient } from '../../packages/core/src/client/client.js';
import { FiregridError } from '../../packages/core/src/errors.js';
import type { TipOffClockOptions } from '../../packages/core/src/hazard/tip-off.js';
import { memoryDataPort } from '../../packages/core/src/host/memory-port.js';
import type { HostSession } from '../../packages/core/src/schema/index.js';

const SESSION: HostSession = { tenantId: 't1', user: { id: 'u1', name: '王伟', roles: ['grid-supervisor'] }, scope: ['330106'], locale: 'en' };
const client = (tipOffClocks?: TipOffClockOptions): FiregridClient => createFiregridClient({
  host: { session: () => Promise.resolve(SESSION), data: memoryDataPort({}, { tenantId: 't1' }) },
  ...(tipOffClocks === undefined ? {} : { tipOffClocks }),
});

describe('createFiregridClient: tipOffClocks', () => {
  it('keeps the vendor\'s clock settings, frozen, and {} for the defaults', () => {
    const settings = {
      siteCheckHours: 48, siteCheckHoursByCategory: { 'ebike-indoor': 12 }, answerWorkingDays: 3,
      calendar: { source: '2027 通知', holidays: ['2027-01-01'], workdays: ['2027-01-02'] },
    };
    const c = client(settings);
    expect(c.tipOffClocks).to.deep.equal(settings);
    expect(Object.isFrozen(c.tipOffClocks)).to.equal(true);
    expect(client().tipOffClocks).to.deep.equal({});
  });

  it('refuses bad settings with a config error naming the path', () => {
    const bad: [unknown, string][] = [
      [{ siteCheckHours: -1 }, 'siteCheckHours'],
      [{ siteCheckHours: '48' }, 'siteCheckHours'],
      [{ siteCheckHoursByCategory: { 'ebike-charging': 48 } }, 'siteCheckHoursByCategory'],
      [{ answerWorkingDays: 0 }, 'answerWorkingDays'],
      [{ answerWorkingDays: 2.5 }, 'answerWorkingDays'],
      [{ calendar: { holidays: ['2027-1-1'], workdays: [] } }, 'calendar'],
      [{ calendar: { holidays: [] } }, 'calendar'],
      [{ answerDays: 5 }, 'tipOffClocks'],
    ];
    for (const [settings, path] of bad) {
      let error: unknown;
      try {
        client(settings as TipOffClockOptions);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(settings)).to.be.instanceOf(FiregridError);
      expect((error as FiregridError).code).to.equal('config');
      expect((error as FiregridError).message).to.contain('tipOffClocks');
      expect((error as FiregridError).issues[0]?.path, JSON.stringify(settings)).to.contain(path);
    }
  });
});
