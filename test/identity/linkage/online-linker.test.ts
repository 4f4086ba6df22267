import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dedupe } from '../../../src/identity/linkage/dedupe.js';
import {
  addToIndex,
  createLinkIndex,
  explainLink,
  linkRecord,
} from '../../../src/identity/linkage/online-linker.js';
import { PersonStore } from '../../../src/identity/linkage/person-store.js';
import { syntheticPeople } from './synthetic-people.js';

const people = syntheticPeople(300, 21);
const store = new PersonStore([
  'given_name',
  'surname',
  'date_of_birth',
  'street_number',
  'address_1',
  'suburb',
  'postcode',
  'phone',
]);
for (const { id, person } of people) store.add(id, person);
const model = dedupe(store).model;
const index = createLinkIndex(store, model);

test('an incoming record with a typo links to its person, strongest first', () => {
  const { person } = people.find((p) => p.id === 'p10-0')!;
  const incoming = { ...person, given_name: `${person.given_name}x`, phone: undefined };
  const sizeBefore = store.size;
  const result = linkRecord(index, incoming, { limit: 3 });
  assert.equal(store.size, sizeBefore, 'linking does not add the record');
  assert.ok(result.compared >= 1 && result.compared < store.size / 4);
  assert.ok(result.matches[0]!.recordId.startsWith('p10-'));
  for (let k = 1; k < result.matches.length; k++)
    assert.ok(result.matches[k - 1]!.weight >= result.matches[k]!.weight);
  const explanation = explainLink(index, incoming, result.matches[0]!.record);
  assert.ok(Math.abs(explanation.total - result.matches[0]!.weight) < 1e-9);
  assert.equal(
    explanation.attributes.find((a) => a.attribute === 'given_name')!.values[0],
    `${person.given_name}x`,
  );
});

test('probing does not grow the dictionaries; adding does, and the added record is found', () => {
  const surnames = store.column('surname')!;
  const distinct = surnames.distinct;
  const stranger = {
    given_name: 'zebedee',
    surname: 'quintanilla',
    date_of_birth: '1901-02-03',
    postcode: '9999',
  };
  assert.equal(linkRecord(index, stranger).matches.filter((m) => m.weight > 0).length, 0);
  assert.equal(surnames.distinct, distinct);
  assert.equal(surnames.values.length, distinct + 1);
  const record = addToIndex(index, 'new-1', stranger);
  assert.equal(surnames.distinct, distinct + 1);
  const found = linkRecord(index, { ...stranger, given_name: 'zebedie' });
  assert.equal(found.matches[0]!.record, record);
  assert.equal(found.matches[0]!.recordId, 'new-1');
});
