import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referenceOf, idSuffixOfReference, newId } from '@firegrid/core';

test('referenceOf: 8 Crockford base32 characters of the id’s last 40 bits, shown XXXX-XXXX', () => {
  assert.equal(referenceOf('01936f3e-8b1c-7a2b-9c3d-4e5f60718293'), 'BXG7-30MK');
  assert.equal(referenceOf('01936f3e-8b1c-7a2b-9c3d-000000000000'), '0000-0000');
  assert.equal(referenceOf('01936f3e-8b1c-7a2b-9c3d-00ffffffffff'), 'ZZZZ-ZZZZ');
});

test('idSuffixOfReference inverts referenceOf and accepts what people type', () => {
  for (let i = 0; i < 200; i++) {
    const id = newId();
    const ref = referenceOf(id);
    assert.match(ref, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const suffix = id.replace(/-/g, '').slice(-10);
    assert.equal(idSuffixOfReference(ref), suffix);
    assert.equal(idSuffixOfReference(` ${ref.toLowerCase().replace('-', '')} `), suffix);
  }
  assert.equal(idSuffixOfReference('BXG7-3OMK'), '5f60718293', 'O read as 0');
  assert.equal(idSuffixOfReference('楼道堆物'), undefined);
  assert.equal(idSuffixOfReference('BXG7-30M'), undefined);
  assert.equal(idSuffixOfReference('BXG7-30MU'), undefined, 'U is not Crockford');
});

test('the memory port\'s q finds a hazard by its reference number and counts matches on the first page', async () => {
  const { memoryDataPort } = await import('@firegrid/core');
  const hazard = (title: string) => ({
    id: newId(), category: 'other' as const, title, description: '', photos: [], source: 'public' as const,
    reporter: { kind: 'resident' as const, confidential: false }, severity: 'general' as const, status: 'reported' as const, gridId: '140106001001',
  });
  const hazards = [hazard('楼道堆物'), hazard('电动车充电'), hazard('消防通道占用')];
  const port = memoryDataPort({ hazards }, { tenantId: 't' });
  const wanted = hazards[1];
  assert.ok(wanted !== undefined);
  const ref = referenceOf(wanted.id);
  for (const q of [ref, ref.replace('-', '').toLowerCase()]) {
    const page = await port.list('hazards', { q });
    assert.deepEqual(page.items.map((h) => h.id), [wanted.id], `q=${q}`);
    assert.equal(page.total, 1);
  }
  const first = await port.list('hazards', { limit: 2 });
  assert.equal(first.total, 3);
  assert.ok(first.nextCursor !== null);
  assert.equal((await port.list('hazards', { limit: 2, cursor: first.nextCursor })).total, undefined, 'a later page has no total');
});
