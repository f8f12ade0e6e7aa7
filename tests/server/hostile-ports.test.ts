/**
 * The reference server refuses the hostile sequence of tests/support/hostile-sequence.ts with the
 * problems the memory and local ports give (tests/core/hostile-ports.test.ts): the same status,
 * slug and paths, because all three call core's rules (access, writes, transitions, confidential).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runSequence } from '../support/hostile-sequence.js';
import type { Outcome, PortDriver } from '../support/hostile-sequence.js';
import { startTestServer, tokenFor } from './helpers.js';
import type { Response, TestServer } from './helpers.js';

/** A problem document reduced to what the ports can say too. */
function outcomeOf(res: Response, read: 'none' | 'record' | 'list'): Outcome {
  if (res.status >= 400) {
    const problem = res.json as { type?: string; errors?: { path: string }[] };
    const slug = (problem.type ?? '').replace(/^urn:firegrid:problem:/, '');
    return { refused: true, status: res.status, slug, paths: (problem.errors ?? []).map((e) => e.path).sort() };
  }
  if (read === 'list') return { refused: false, ids: (res.json as { items: { id: string }[] }).items.map((r) => r.id).sort() };
  return read === 'record' ? { refused: false, reporter: (res.json as { reporter?: unknown }).reporter } : { refused: false };
}

describe('the server refuses the shared hostile sequence as the ports do', () => {
  let t: TestServer;
  before(async () => { t = await startTestServer(); });
  after(async () => { await t.close(); });

  it('gives each step the problem every port gives', async () => {
    const driver: PortDriver = {
      async run(actor, call) {
        const token = await tokenFor({ user: actor.id, roles: actor.roles, scope: actor.scope });
        switch (call.op) {
          case 'save': return outcomeOf(await t.put(`/v1/${call.kind}/${String(call.record.id)}`, call.record, token), 'none');
          case 'get': return outcomeOf(await t.request('GET', `/v1/${call.kind}/${call.id}`, { token }), 'record');
          case 'list': return outcomeOf(await t.request('GET', `/v1/${call.kind}`, { token }), 'list');
          case 'transition': return outcomeOf(await t.request('POST', `/v1/hazards/${call.hazardId}/transitions`, {
            token, body: call.input, headers: { 'idempotency-key': crypto.randomUUID() },
          }), 'none');
        }
      },
    };
    for (const { step, got } of await runSequence(driver)) assert.deepEqual(got, step.expect, step.name);
  });
});
