// Issue 19 item 2: the vendor's tip-off clocks (`createFiregridClient({ tipOffClocks })`) reach the
// ledger's 超期未核查 / 超期未答复 flags, in the list and in the detail, not only core's defaults.
import { expect, fixture, html } from '@open-wc/testing';
import { createFiregridClient, defineHost, hazardCommands, memoryDataPort, reporterPrivacy } from '@firegrid/core';
import type { HazardInput, TipOffClockOptions } from '@firegrid/core';
import '@firegrid/elements/hazard-ledger/define';
import type { FgHazardLedger } from '@firegrid/elements/hazard-ledger';
import { HAZARD, ledgerSeed, supervisorSession } from '../../stories/hazard-ledger.stories.js';
import { allDeep, until } from '../support/wait.js';

const HOUR = 3_600_000;
/** Monday 2026-12-07 10:00 in China Standard Time. */
const MONDAY = Date.parse('2026-12-07T10:00:00+08:00');

/**
 * The seed's resident tip-off (电动车 in the stairwell, `ebike-indoor`), reported on Monday
 * 2026-12-07 10:00 CST; site-checked an hour later when `checked`.
 */
const tip = (checked: boolean) => (h: HazardInput): HazardInput => ({
  ...h, status: checked ? 'verified' : 'reported', createdAt: new Date(MONDAY).toISOString(),
  history: [
    { at: new Date(MONDAY).toISOString(), by: 'r-0001', action: 'submit', from: 'draft', to: 'reported' },
    ...(checked ? [{ at: new Date(MONDAY + HOUR).toISOString(), by: 's-0101', action: 'verify' as const, from: 'reported' as const, to: 'verified' as const }] : []),
  ],
});

async function ledger(at: number, change: (h: HazardInput) => HazardInput, tipOffClocks?: TipOffClockOptions, detail = true): Promise<FgHazardLedger> {
  const seed = ledgerSeed();
  const hazards = (seed.hazards ?? []).map((h) => (h.id === HAZARD.publicTip ? change(h) : h));
  const data = memoryDataPort({ ...seed, hazards }, { tenantId: 'demo', commands: hazardCommands({ actor: supervisorSession.user }) });
  const client = createFiregridClient({
    host: defineHost({ session: () => Promise.resolve(supervisorSession), data: reporterPrivacy(data, supervisorSession.user) }),
    now: () => new Date(at),
    ...(tipOffClocks === undefined ? {} : { tipOffClocks }),
  });
  const el = detail
    ? await fixture<FgHazardLedger>(html`<fg-hazard-ledger hazard-id=${HAZARD.publicTip} .client=${client}></fg-hazard-ledger>`)
    : await fixture<FgHazardLedger>(html`<fg-hazard-ledger .client=${client}></fg-hazard-ledger>`);
  if (detail) await until(() => allDeep(el.shadowRoot!).some((e) => e.id === 'd-title'), 'the detail');
  else await until(() => allDeep(el.shadowRoot!).some((e) => e.matches('tbody tr')), 'the table');
  return el;
}

const clockFlags = (el: HTMLElement): string[] =>
  allDeep(el.shadowRoot!).filter((e) => e.matches('.flag[data-clock]')).map((e) => e.getAttribute('data-clock') ?? '');

describe('fg-hazard-ledger with the vendor\'s tip-off clocks (client.tipOffClocks)', () => {
  it('flags the site check per a 48-hour setting for ebike-indoor, in the detail and in the list', async () => {
    // Fifty hours after the report, unchecked: within the default 72 hours, past a 48-hour setting.
    const at = MONDAY + 50 * HOUR;
    expect(clockFlags(await ledger(at, tip(false))), 'the default 72 hours').to.deep.equal([]);
    const settings = { siteCheckHoursByCategory: { 'ebike-indoor': 48 } };
    const detail = await ledger(at, tip(false), settings);
    expect(clockFlags(detail)).to.deep.equal(['check']);
    // 核查期限 shows the configured due time: Wednesday 12-09 10:00.
    expect(allDeep(detail.shadowRoot!).map((e) => e.textContent).join(' ')).to.contain('2026-12-09 10:00');
    expect(clockFlags(await ledger(at, tip(false), undefined, false)), 'the list, default').to.deep.equal([]);
    expect(clockFlags(await ledger(at, tip(false), settings, false)), 'the list, 48 hours').to.deep.equal(['check']);
  });

  it('counts the answer\'s working days by the vendor\'s calendar and number of days', async () => {
    // Tuesday 12-15 10:00: five working days (Tue 08 … Mon 14) have run out by the plain week.
    const at = MONDAY + 8 * 24 * HOUR;
    expect(clockFlags(await ledger(at, tip(true))), 'the shipped calendar').to.deep.equal(['answer']);
    // Tuesday 12-08 a holiday: the fifth working day is Tuesday 12-15, not over yet.
    const holiday = { calendar: { source: 'a local holiday', holidays: ['2026-12-08'], workdays: [] } };
    expect(clockFlags(await ledger(at, tip(true), holiday)), 'a holiday on 12-08').to.deep.equal([]);
    expect(clockFlags(await ledger(at, tip(true), holiday, false)), 'the list, a holiday on 12-08').to.deep.equal([]);
    // Seven working days: due Wednesday 12-16.
    expect(clockFlags(await ledger(at, tip(true), { answerWorkingDays: 7 }))).to.deep.equal([]);
    // Three working days: due at the end of Thursday 12-10, overdue on Friday.
    expect(clockFlags(await ledger(MONDAY + 3 * 24 * HOUR + HOUR, tip(true), { answerWorkingDays: 3 }))).to.deep.equal([]);
    expect(clockFlags(await ledger(MONDAY + 4 * 24 * HOUR, tip(true), { answerWorkingDays: 3 }))).to.deep.equal(['answer']);
  });
});
