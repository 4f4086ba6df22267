/**
 * The evidence of a fraud check, read in one transaction with the inquiry it records (both
 * engines). Every query is bounded, and every person-level query names its person:
 *  - the person: `national_id_index where id_hash = ?` (one shard);
 *  - the person's identity values and inquiries: `identity_attributes`, `inquiries where person_id = ?`;
 *  - the person's values under other IDs: `identity_value_index where value_hash = ? and attribute = ?`
 *    (the one shard of that hash), at most MAX_REPORTS_PER_VALUE rows per value;
 *  - the ring walk: per person visited, `identity_attributes where person_id = ?` for its values and
 *    `identity_value_index where value_hash = ? and attribute = ?` for their holders; per member,
 *    `account_months join accounts where person_id = ?` for a default.
 * Other persons come back as opaque holder numbers; only birth dates and sexes are opened (to
 * compare with the ID), never names, mobiles or addresses.
 *
 * @example
 *   const store = createFraudEvidenceStore(database, cipher);
 *   const evidence = await store.readEvidenceAndRecord(request);
 */
import type { Kysely } from 'kysely';
import type { InquiryReason } from '../consent/inquiry-reasons.js';
import { monthOf } from '../domain/calendar.js';
import { DEFAULT_STATUSES } from '../identity/fraud/default-status.js';
import type {
  FraudEvidence,
  InquiryRecord,
  OwnReport,
  ReportedAttribute,
  SharedAttribute,
  SharedValue,
} from '../identity/fraud/fraud-evidence.js';
import type { RingLinkAttribute } from '../identity/fraud/fraud-thresholds.js';
import { lookbackStartDate } from '../identity/fraud/fraud-windows.js';
import type { FraudEvidenceRequest, FraudEvidenceStore } from '../identity/fraud/ports.js';
import { type RingGraph, type RingValue, walkRing } from '../identity/fraud/ring-walk.js';
import type { PiiCipher } from '../identity/pii-cipher.js';
import type { SequenceName } from './allocate-ids.js';
import { idBlocks } from './id-blocks.js';
import { NAME_BIRTH_DATE, nameBirthDateHash } from './identity-value-index.js';
import { insertInquiry, writeRequestLog } from './inquiry-writes.js';
import type { BureauDatabase } from './open-database.js';
import type { KnownOfPerson } from './person-file-repository.js';
import { preparedQuery } from './prepared-query.js';
import type { Database } from './schema-types.js';

/**
 * Bounds of the evidence read (the person's own identity rows, the newest first; values looked up
 * under other IDs; index rows per value; inquiries; a ring member's values).
 *
 * @example
 *   evidence.truncated // true when the person had more than MAX_OWN_REPORTS identity rows
 */
export const MAX_OWN_REPORTS = 500;
/** The person's values looked up under other IDs, at most (the most recently reported). */
export const MAX_VALUES_LOOKED_UP = 40;
/** Name x birth-date pairs of the person looked up, at most. */
export const MAX_OWN_PAIRS = 16;
/** Index rows read per value looked up, at most. */
export const MAX_REPORTS_PER_VALUE = 200;
/** The person's inquiries read, at most (the newest, within 12 months). */
export const MAX_INQUIRIES = 500;
/** Look-back of the inquiries read, in months (the longest velocity window). */
export const INQUIRY_LOOKBACK_months = 12;
/** A ring member's linking values read, at most. */
export const MAX_RING_VALUES_PER_PERSON = 20;

const personByIdHash = preparedQuery((db, idHash: string) =>
  db.selectFrom('national_id_index').select('person_id').where('id_hash', '=', idHash),
);

const ownReports = preparedQuery((db, personId: number) =>
  db
    .selectFrom('identity_attributes as a')
    .innerJoin('institutions as i', 'i.institution_id', 'a.furnisher_id')
    .select([
      'a.attribute',
      'a.value_hash',
      'a.value_enc',
      'a.first_reported_on',
      'a.last_reported_on',
      'i.code',
    ])
    .where('a.person_id', '=', personId)
    .orderBy('a.last_reported_on', 'desc')
    .limit(MAX_OWN_REPORTS + 1),
);

const valueReports = preparedQuery((db, valueHash: string, attribute: string, personId: number) =>
  db
    .selectFrom('identity_value_index as v')
    .innerJoin('institutions as i', 'i.institution_id', 'v.furnisher_id')
    .select(['v.person_id', 'i.code', 'v.first_reported_on', 'v.last_reported_on'])
    .where('v.value_hash', '=', valueHash)
    .where('v.attribute', '=', attribute)
    .where('v.person_id', '<>', personId)
    .limit(MAX_REPORTS_PER_VALUE + 1),
);

const inquiriesSince = preparedQuery((db, personId: number, since: string) =>
  db
    .selectFrom('inquiries as q')
    .innerJoin('institutions as i', 'i.institution_id', 'q.institution_id')
    .select(['q.at', 'q.reason', 'i.code'])
    .where('q.person_id', '=', personId)
    .where('q.at', '>', since)
    .orderBy('q.at', 'desc')
    .limit(MAX_INQUIRIES + 1),
);

const ringValuesOf = preparedQuery((db, personId: number, since: string) =>
  db
    .selectFrom('identity_attributes')
    .select(['attribute', 'value_hash'])
    .distinct()
    .where('person_id', '=', personId)
    .where('attribute', 'in', ['mobile', 'address', 'employer'])
    .where('last_reported_on', '>', since)
    .limit(MAX_RING_VALUES_PER_PERSON),
);

const ringHolders = preparedQuery((db, valueHash: string, attribute: string, since: string, limit: number) =>
  db
    .selectFrom('identity_value_index')
    .select('person_id')
    .distinct()
    .where('value_hash', '=', valueHash)
    .where('attribute', '=', attribute)
    .where('last_reported_on', '>', since)
    .limit(limit),
);

const defaultMonth = preparedQuery((db, personId: number, sinceMonth: string) =>
  db
    .selectFrom('account_months as m')
    .innerJoin('accounts as a', (j) =>
      j.onRef('a.person_id', '=', 'm.person_id').onRef('a.account_id', '=', 'm.account_id'),
    )
    .select('m.account_id')
    .where('m.person_id', '=', personId)
    .where('m.deleted', '=', 0)
    .where('a.state', '<>', 'deleted')
    .where('m.month', '>=', sinceMonth)
    .where('m.status', 'in', [...DEFAULT_STATUSES])
    .limit(1),
);

const OPENED: ReadonlySet<string> = new Set(['birth_date', 'sex']);

/**
 * The store of fraud evidence over the bureau's database; `cipher` opens reported birth dates and
 * sexes only.
 *
 * @example
 *   const evidence = createFraudEvidenceStore(database, cipher);
 */
export function createFraudEvidenceStore(store: BureauDatabase, cipher: PiiCipher): FraudEvidenceStore {
  const ids = idBlocks();
  // Ids are taken before the transaction: on SQLite allocation runs on the same connection.
  const take = (name: SequenceName) => ids.next(name, (count) => store.allocateIds(name, count));
  return {
    async readEvidenceAndRecord(request) {
      const inquiryId = await take('inquiry');
      const requestId = await take('report_request');
      const logIds = idBlocks(1);
      await logIds.ensure('report_request', 1, async () => requestId);
      return store.db.transaction().execute(async (trx) => {
        const evidence = await readFraudEvidence(trx, request, (sealed) => cipher.decrypt(sealed));
        const q = request.inquiry;
        if (evidence.personId !== null)
          await insertInquiry.run(
            trx,
            evidence.personId,
            inquiryId,
            q.at,
            q.institutionId,
            q.reason,
            q.consentId,
            q.reportNumber,
          );
        await writeRequestLog(trx, request.log, logIds);
        return evidence.evidence;
      });
    },
  };
}

/** Numbers that tell other persons apart within one evidence (never their ids). */
function holderNumbers(): (personId: number) => number {
  const numbers = new Map<number, number>();
  return (personId) => {
    let n = numbers.get(personId);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(personId, n);
    }
    return n;
  };
}

interface OwnValue {
  attribute: SharedAttribute;
  key: string;
  own: SharedValue['own'];
}

/** One value of the person with the span and furnishers of its reports. */
function summarise(attribute: SharedAttribute, key: string, reports: readonly OwnReport[]): OwnValue {
  const own: OwnValue['own'] = {
    firstReportedOn: '9999-12-31',
    lastReportedOn: '0000-01-01',
    furnishers: [],
  };
  for (const r of reports) {
    if (r.firstReportedOn < own.firstReportedOn) own.firstReportedOn = r.firstReportedOn;
    if (r.lastReportedOn > own.lastReportedOn) own.lastReportedOn = r.lastReportedOn;
    if (!own.furnishers.includes(r.furnisher)) own.furnishers.push(r.furnisher);
  }
  return { attribute, key, own };
}

/** Reports grouped by attribute and value key. */
function byValue(own: readonly OwnReport[], attribute: string): Map<string, OwnReport[]> {
  const groups = new Map<string, OwnReport[]>();
  for (const r of own) if (r.attribute === attribute) groups.set(r.key, [...(groups.get(r.key) ?? []), r]);
  return groups;
}

/** The person's distinct mobiles and addresses (the most recently reported first, at most
 *  MAX_VALUES_LOOKED_UP), then its name x birth-date pairs (at most MAX_OWN_PAIRS). */
function ownValuesToLookUp(own: readonly OwnReport[]): OwnValue[] {
  const values: OwnValue[] = [];
  for (const attribute of ['mobile', 'address'] as const)
    for (const [key, reports] of byValue(own, attribute)) values.push(summarise(attribute, key, reports));
  values.sort((a, b) => (a.own.lastReportedOn > b.own.lastReportedOn ? -1 : 1));
  values.length = Math.min(values.length, MAX_VALUES_LOOKED_UP);
  const pairs: OwnValue[] = [];
  for (const [nameKey, names] of byValue(own, 'name'))
    for (const [birthKey, births] of byValue(own, 'birth_date'))
      if (pairs.length < MAX_OWN_PAIRS)
        pairs.push(summarise(NAME_BIRTH_DATE, nameBirthDateHash(nameKey, birthKey), [...names, ...births]));
  return [...values, ...pairs];
}

/**
 * Reads one person's evidence inside the caller's transaction, recording nothing (a report that
 * shows the anti-fraud warning reads it with the file, in the report's own transaction, and
 * passes what the file read already holds as `known`: the person, their identity rows, their
 * inquiries and their own default are then not read again).
 * `personId` is null when the ID is not on file.
 *
 * @example
 *   const { evidence } = await readFraudEvidence(trx, { idHash, asOf, idFacts, ring }, cipher.decrypt);
 */
export async function readFraudEvidence(
  db: Kysely<Database>,
  request: Pick<FraudEvidenceRequest, 'idHash' | 'asOf' | 'idFacts' | 'ring' | 'ringLinks'>,
  open: (sealed: string) => string,
  known?: KnownOfPerson,
): Promise<{ personId: number | null; evidence: FraudEvidence }> {
  const { asOf, idFacts } = request;
  const [index] = known ? [{ person_id: known.personId }] : await personByIdHash.rows(db, request.idHash);
  if (!index)
    return {
      personId: null,
      evidence: {
        asOf,
        onFile: false,
        idFacts,
        own: [],
        shared: [],
        inquiries: [],
        ring: null,
        truncated: false,
      },
    };
  const personId = Number(index.person_id);

  // The newest identity rows first, at most MAX_OWN_REPORTS.
  const ownRead: OwnReport[] = known
    ? [...known.own].sort((a, b) =>
        a.lastReportedOn > b.lastReportedOn ? -1 : a.lastReportedOn < b.lastReportedOn ? 1 : 0,
      )
    : (await ownReports.rows(db, personId)).map((r) => ({
        attribute: r.attribute as ReportedAttribute,
        key: r.value_hash,
        ...(OPENED.has(r.attribute) ? { value: open(r.value_enc) } : {}),
        furnisher: r.code,
        firstReportedOn: r.first_reported_on,
        lastReportedOn: r.last_reported_on,
      }));
  const own = ownRead.slice(0, MAX_OWN_REPORTS);

  const since = lookbackStartDate(asOf, request.ring.lookback_months);
  const holder = holderNumbers();
  const shared: SharedValue[] = [];
  // Other persons holding each of the person's values in the ring's look-back (a walk one link
  // deep needs nothing else).
  const holdersInLookback = new Map<string, number[]>();
  for (const value of ownValuesToLookUp(own)) {
    const rows = await valueReports.rows(db, value.key, value.attribute, personId);
    const recent = new Set<number>();
    for (const r of rows) if (r.last_reported_on > since) recent.add(Number(r.person_id));
    holdersInLookback.set(`${value.attribute}\0${value.key}`, [...recent]);
    shared.push({
      attribute: value.attribute,
      own: value.own,
      others: rows.slice(0, MAX_REPORTS_PER_VALUE).map((r) => ({
        holder: holder(Number(r.person_id)),
        furnisher: r.code,
        firstReportedOn: r.first_reported_on,
        lastReportedOn: r.last_reported_on,
      })),
      truncated: rows.length > MAX_REPORTS_PER_VALUE,
    });
  }

  const inquiriesFrom = lookbackStartDate(asOf, INQUIRY_LOOKBACK_months);
  // Newest first, within the look-back, at most MAX_INQUIRIES (+1 tells that some were left out).
  const inquiryRead: InquiryRecord[] = known?.inquiries
    ? known.inquiries.filter((q) => q.at > inquiriesFrom).slice(0, MAX_INQUIRIES + 1)
    : (await inquiriesSince.rows(db, personId, inquiriesFrom)).map((q) => ({
        at: q.at,
        institution: q.code,
        reason: q.reason as InquiryReason,
      }));
  const inquiries = inquiryRead.slice(0, MAX_INQUIRIES);

  const defaultSince = monthOf(lookbackStartDate(asOf, request.ring.defaultLookback_months));
  const followed = request.ringLinks ? new Set<RingLinkAttribute>(request.ringLinks) : undefined;
  const countInDefault = async (persons: readonly number[]) => {
    let n = 0;
    for (const p of persons) {
      const inDefault =
        known && p === personId
          ? known.inDefaultSince(defaultSince)
          : (await defaultMonth.rows(db, p, defaultSince)).length > 0;
      if (inDefault) n += 1;
    }
    return n;
  };
  // One link deep over values that were all looked up above (a report's header): the holders are
  // known already, and a person who shares nothing costs no further read.
  const direct =
    request.ring.maxDepth === 1 &&
    followed !== undefined &&
    [...followed].every((a) => a === 'mobile' || a === 'address') &&
    !shared.some((s) => s.truncated) &&
    own.every(
      (r) =>
        !followed.has(r.attribute as RingLinkAttribute) ||
        r.lastReportedOn <= since ||
        holdersInLookback.has(`${r.attribute}\0${r.key}`),
    );
  const directGraph: RingGraph = {
    async valuesOf(person) {
      if (person !== personId) throw new Error('invariant: a walk one link deep reads only its start');
      const values: RingValue[] = [];
      const seen = new Set<string>();
      for (const r of own) {
        const attribute = r.attribute as RingLinkAttribute;
        const id = `${attribute}\0${r.key}`;
        if (!followed?.has(attribute) || r.lastReportedOn <= since || seen.has(id)) continue;
        seen.add(id);
        values.push({ attribute, key: r.key });
      }
      return values;
    },
    async holdersOf(value, limit) {
      const others = holdersInLookback.get(`${value.attribute}\0${value.key}`) ?? [];
      return [personId, ...others].slice(0, limit);
    },
    countInDefault,
  };
  const graph: RingGraph = {
    async valuesOf(person) {
      const rows = await ringValuesOf.rows(db, person, since);
      const values = rows.map((r) => ({ attribute: r.attribute as RingLinkAttribute, key: r.value_hash }));
      return followed ? values.filter((v) => followed.has(v.attribute)) : values;
    },
    async holdersOf(value, limit) {
      const rows = await ringHolders.rows(db, value.key, value.attribute, since, limit);
      return rows.map((r) => Number(r.person_id));
    },
    countInDefault,
  };
  const ring = await walkRing(direct ? directGraph : graph, personId, request.ring);

  return {
    personId,
    evidence: {
      asOf,
      onFile: true,
      idFacts,
      own,
      shared,
      inquiries,
      ring,
      truncated: ownRead.length > MAX_OWN_REPORTS || inquiryRead.length > MAX_INQUIRIES,
    },
  };
}
