import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ColumnPlanError, planColumns, rowToPerson } from '../../../src/identity/linkage/column-plan.js';
import { dateLevel, oneEditApart } from '../../../src/identity/linkage/compare-levels.js';
import {
  normaliseDate,
  normaliseName,
  normalisePhone,
  normaliseSex,
  splitFullName,
} from '../../../src/identity/linkage/normalise.js';
import { roleOfHeader } from '../../../src/identity/linkage/roles.js';

test('names lose case, accents and punctuation; Han is kept', () => {
  assert.equal(normaliseName("  O'Brien-Smith "), 'obriensmith');
  assert.equal(normaliseName('José María'), 'josemaria');
  assert.equal(normaliseName('张 伟'), '张伟');
});

test('dates in the usual forms, parts kept when out of range, junk is missing', () => {
  assert.equal(normaliseDate('19560409'), '1956-04-09');
  assert.equal(normaliseDate('1956-04-09'), '1956-04-09');
  assert.equal(normaliseDate('9/4/1956'), '1956-04-09');
  assert.equal(normaliseDate('09041956'), '1956-04-09');
  assert.equal(normaliseDate('1956年4月9日'), '1956-04-09');
  assert.equal(normaliseDate('19561340'), '1956-13-40');
  assert.equal(normaliseDate('unknown'), '');
  assert.equal(normaliseDate('1956'), '');
});

test('phones keep their last 10 digits; sex from the usual spellings', () => {
  assert.equal(normalisePhone('+86 138 0013 8000'), normalisePhone('13800138000'));
  assert.equal(normalisePhone('(555) 123-4567'), '5551234567');
  assert.equal(normaliseSex('Female'), 'f');
  assert.equal(normaliseSex(' M '), 'm');
  assert.equal(normaliseSex('男'), 'm');
});

test('full names split into given name and surname', () => {
  assert.deepEqual(splitFullName('Green, Mitchell'), { given: 'Mitchell', surname: 'Green' });
  assert.deepEqual(splitFullName('Mitchell J Green'), { given: 'Mitchell', surname: 'Green' });
  assert.deepEqual(splitFullName('张伟'), { given: '伟', surname: '张' });
  assert.deepEqual(splitFullName('欧阳娜娜'), { given: '娜娜', surname: '欧阳' });
});

test('date levels: exact, day and month swapped, one part differs, different', () => {
  assert.equal(dateLevel(19560409, 19560409), 1);
  assert.equal(dateLevel(19560409, 19560904), 2);
  assert.equal(dateLevel(19560409, 19570409), 3);
  assert.equal(dateLevel(19560409, 19560419), 3);
  assert.equal(dateLevel(19560409, 19570419), 4);
});

test('one edit apart: one character substituted or two neighbours swapped', () => {
  assert.ok(oneEditApart('2119', '2118'));
  assert.ok(oneEditApart('2119', '2191'));
  assert.ok(!oneEditApart('2119', '9112'));
  assert.ok(!oneEditApart('2119', '3118'));
  assert.ok(!oneEditApart('2119', '211'));
  assert.ok(!oneEditApart('2119', '2119'));
});

test('column roles from headers, case and spaces ignored; --map, --exclude, the identifier', () => {
  assert.equal(roleOfHeader(' Date of Birth'), 'date_of_birth');
  assert.equal(roleOfHeader('ZIP'), 'postcode');
  assert.equal(roleOfHeader('Mobile'), 'phone');
  const headers = ['rec_id', ' given_name', ' surname', ' soc_sec_id', ' cell', ' ssn', ' notes'];
  const plan = planColumns(headers, {
    idColumn: 'rec_id',
    exclude: ['soc_sec_id'],
    map: ['cell=phone', 'ssn=none'],
  });
  assert.equal(plan.idIndex, 0);
  assert.deepEqual(
    plan.roles.map((r) => [r.index, r.role]),
    [
      [1, 'given_name'],
      [2, 'surname'],
      [4, 'phone'],
    ],
  );
  assert.deepEqual(plan.excluded, ['soc_sec_id']);
  assert.deepEqual(plan.ignored, ['ssn', 'notes']);
  assert.deepEqual(rowToPerson(plan, ['r1', 'ann', '', '123', '555', 'x', 'y']), {
    given_name: 'ann',
    phone: '555',
  });
  // The identifier is never a role, even when its header names one.
  const byId = planColumns(['ssn', 'surname'], { idColumn: 'SSN', exclude: [], map: [] });
  assert.deepEqual(
    byId.roles.map((r) => r.role),
    ['surname'],
  );
  assert.throws(() => planColumns(headers, { idColumn: 'id', exclude: [], map: [] }), ColumnPlanError);
  assert.throws(
    () => planColumns(headers, { idColumn: 'rec_id', exclude: [], map: ['cell=fax'] }),
    ColumnPlanError,
  );
  assert.throws(
    () => planColumns(headers, { idColumn: 'rec_id', exclude: [], map: ['cell'] }),
    ColumnPlanError,
  );
});
