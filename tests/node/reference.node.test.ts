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
