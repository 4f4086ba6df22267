/**
 * The furnishing pipeline: parse a batch, check every record against every rule with what the
 * bureau already knows, link each record to its person by national ID (or, where the ID fails,
 * is missing or conflicts with its person, by identity resolution: docs/identity-resolution.md),
 * and store accepted records and rejects in one transaction. Idempotent per (furnisher, batch id).
 *
 * @example
 *   const result = await furnishBatch(deps, { furnisherId: 2, batchId: '2025-01-a', body });
 *   result.batch.rejected // records stored as rejects, listed with their findings
 */
import { createHash } from 'node:crypto';
import { addMonths, isCalendarMonth, todayUtc } from '../domain/calendar.js';
import type { JurisdictionProfile } from '../domain/jurisdiction.js';
import { checkFieldValue } from '../formats/canonical/field-check.js';
import { BATCH_ID_PATTERN, MAX_BATCH_BYTES, MAX_BATCH_RECORDS } from '../formats/canonical/limits.js';
import { ACCOUNT_TERM_KEYS, MONTH_STATE_KEYS, RECORD_FIELDS } from '../formats/canonical/record-fields.js';
import type {
  AccountRecord,
  AccountTerms,
  CorrectionRecord,
  DeletionRecord,
  Finding,
  FurnishedRecord,
  IdentityRecord,
  MonthRecord,
  MonthState,
} from '../formats/canonical/record-types.js';
import type { AccountFacts, RuleContext } from '../formats/canonical/rule-types.js';
import { applySet } from '../formats/canonical/rules.js';
import type { PiiCipher } from '../identity/pii-cipher.js';
import { IdentityError } from '../identity/resolution/identity-error.js';
import { FurnishError } from './furnish-errors.js';
import { createResolutionStep, type DecidedLink } from './identity-resolution-step.js';
import { type ParsedLine, parseJsonLines } from './parse-lines.js';
import type {
  AccountChange,
  AttributeRow,
  BatchPlan,
  BatchSummary,
  FixRow,
  FurnishStore,
  FurnishTransaction,
  HistoryProfileRow,
  MonthChange,
  MonthRow,
  NewAccountRow,
  NewPersonRow,
  OpenReject,
  RejectRow,
  ReviewResolutionRow,
} from './ports.js';
import { validateRecord } from './validate-record.js';

export interface FurnishDeps {
  store: FurnishStore;
  cipher: PiiCipher;
  profile: JurisdictionProfile;
  now?: () => Date;
}

export interface FurnishInput {
  furnisherId: number;
  batchId: string;
  body: Buffer;
  /** Findings known before the canonical rules run, by 1-based line (a Metro 2 record's errors): such
   *  a line is rejected with them, and with whatever the canonical rules find besides. */
  preFindings?: ReadonlyMap<number, readonly Finding[]>;
  /** The format the furnisher sent (stored with the batch): 'jsonl' unless told. */
  format?: BatchSummary['format'];
  /** A review replay: the operator's decision for a held record, by line (docs/identity-resolution.md). */
  decided?: ReadonlyMap<number, DecidedLink>;
  /** A review replay: the decision written with the batch; the batch is refused (409) unless every line is accepted. */
  reviewResolution?: ReviewResolutionRow;
}

/** Findings returned inline with the batch answer; all of them stay listed with the rejects. */
export const MAX_FINDINGS_IN_RESPONSE = 1_000;

export interface FurnishResult {
  batch: BatchSummary;
  /** True when this batch id was already on file with the same content: nothing changed. */
  replayed: boolean;
  findings: Finding[];
  findingsTruncated: boolean;
}

/** The account term and monthly state fields, from the format's field table (one list for all). */
const IDENTITY_ATTRIBUTES = ['name', 'birth_date', 'sex', 'mobile', 'address', 'employer'] as const;

function pick<T extends object>(record: object, keys: readonly (keyof T)[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (record as Record<string, unknown>)[key as string];
    if (value !== undefined && value !== null) out[key as string] = value;
  }
  return out as T;
}

function sameTerms(a: AccountTerms, b: AccountTerms): boolean {
  return ACCOUNT_TERM_KEYS.every((k) => a[k] === b[k]);
}

const ACCOUNT_NO_TYPE = RECORD_FIELDS.month.find((f) => f.name === 'account_no')!.type;
const FIXES_TYPE = RECORD_FIELDS.month.find((f) => f.name === 'fixes')!.type;
/** True when a key read before validation is well-formed enough to look up. */
function fits(field: 'account_no' | 'fixes', value: unknown): boolean {
  return checkFieldValue(field === 'account_no' ? ACCOUNT_NO_TYPE : FIXES_TYPE, value) === null;
}

/** Normalises free text for hashing: trimmed, inner white space folded. */
function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

function summaryFromReplay(batch: BatchSummary, sha256: string): FurnishResult {
  if (batch.contentSha256 !== sha256) {
    throw new FurnishError(
      'batch_id_conflict',
      409,
      `batch id '${batch.batchId}' was already furnished with different content: use a new batch id`,
    );
  }
  return { batch, replayed: true, findings: [], findingsTruncated: false };
}

/** Account state while the batch is checked: on file, or opened by an earlier line. */
interface AccountState extends AccountFacts {
  personId?: number;
  accountId?: number;
  idHash?: string;
  deleted: boolean;
  terms?: AccountTerms;
}

export async function furnishBatch(deps: FurnishDeps, input: FurnishInput): Promise<FurnishResult> {
  const { cipher, profile } = deps;
  const now = deps.now?.() ?? new Date();
  const today = todayUtc(now);
  if (!BATCH_ID_PATTERN.test(input.batchId)) {
    throw new FurnishError(
      'invalid_batch_id',
      400,
      'batch id: expected 1-64 characters of letters, digits and . _ : - starting with a letter or digit',
    );
  }
  if (input.body.length > MAX_BATCH_BYTES) {
    throw new FurnishError(
      'batch_too_large',
      413,
      `a batch holds at most ${MAX_BATCH_BYTES} bytes: split the load into several batches`,
    );
  }
  const sha256 = createHash('sha256').update(input.body).digest('hex');
  const known = await deps.store.findBatch(input.furnisherId, input.batchId);
  if (known) return summaryFromReplay(known, sha256);

  const parsed: ParsedLine[] = [];
  for (const line of parseJsonLines(input.body)) {
    parsed.push(line);
    if (parsed.length > MAX_BATCH_RECORDS) {
      throw new FurnishError(
        'too_many_records',
        413,
        `a batch holds at most ${MAX_BATCH_RECORDS} records: split the load into several batches`,
      );
    }
  }
  if (parsed.length === 0) throw new FurnishError('empty_batch', 400, 'the batch holds no records');

  // What the rules will ask about: ID hashes, account numbers, correction targets, fixed rejects.
  const idCache = new Map<string, string | null>();
  const idHashOf = (raw: unknown): string | null => {
    if (typeof raw !== 'string') return null;
    let hash = idCache.get(raw);
    if (hash === undefined) {
      const checked = profile.nationalId.check(raw, today);
      hash = checked.ok ? cipher.hash('national_id', checked.id) : null;
      idCache.set(raw, hash);
    }
    return hash;
  };
  const accountNos = new Set<string>();
  const fixRefs: { batchId: string; line: number }[] = [];
  let hasMonthTargets = false;
  for (const { record } of parsed) {
    if (!record) continue;
    if (record.kind === 'identity' || record.kind === 'account') idHashOf(record.id_number);
    // Only well-formed keys reach a query (a malformed one is rejected by REC-TYPE anyway).
    if (fits('account_no', record.account_no)) accountNos.add(record.account_no as string);
    if ((record.kind === 'correction' || record.kind === 'deletion') && typeof record.month === 'string')
      hasMonthTargets = true;
    if (typeof record.fixes === 'string' && fits('fixes', record.fixes)) {
      const at = record.fixes.lastIndexOf('#');
      fixRefs.push({ batchId: record.fixes.slice(0, at), line: Number(record.fixes.slice(at + 1)) });
    }
  }

  return deps.store.inFurnisherTransaction(input.furnisherId, async (tx) => {
    const raced = await tx.findBatch(input.furnisherId, input.batchId);
    if (raced) return summaryFromReplay(raced, sha256);

    const hashes = [...new Set([...idCache.values()].filter((h): h is string => h !== null))];
    const personByHash = await tx.personsByIdHash(hashes);
    const indexed = await tx.accountsByNumber(input.furnisherId, [...accountNos]);
    const openRejects =
      fixRefs.length > 0 ? await tx.openRejects(input.furnisherId, fixRefs) : new Map<string, OpenReject>();

    const accounts = new Map<string, AccountState>();
    for (const [no, a] of indexed) {
      accounts.set(no, {
        accountType: a.accountType as AccountFacts['accountType'],
        openDate: a.openDate,
        personKey: String(a.personId),
        personId: a.personId,
        accountId: a.accountId,
        deleted: a.state === 'deleted',
      });
    }
    const corrected = parsed.filter((p) => p.record?.kind === 'correction' || p.record?.kind === 'deletion');
    // Terms on file of every account a record reopens, updates, corrects or deletes: an account
    // furnished again with the same terms changes nothing.
    const withTerms = parsed.filter(
      (p) => p.record && p.record.kind !== 'identity' && p.record.kind !== 'month',
    );
    if (withTerms.some((p) => accounts.has(p.record!.account_no as string))) {
      const keys = [...new Set(withTerms.map((p) => p.record!.account_no))]
        .map((no) => (typeof no === 'string' ? accounts.get(no) : undefined))
        .filter((a): a is AccountState => a?.accountId !== undefined)
        .map((a) => ({ personId: a.personId!, accountId: a.accountId! }));
      const terms = await tx.accountTerms(keys);
      for (const a of accounts.values()) if (a.accountId !== undefined) a.terms = terms.get(a.accountId);
    }
    const monthStates = new Map<string, MonthState>();
    const monthKey = (accountNo: string, month: string) => `${accountNo}|${month}`;
    if (hasMonthTargets) {
      const keys = corrected
        .map((p) => p.record!)
        .filter((r) => isCalendarMonth(r.month) && fits('account_no', r.account_no))
        .map((r) => ({
          account: accounts.get(r.account_no as string),
          month: r.month as string,
          no: r.account_no as string,
        }))
        .filter((k) => k.account?.accountId !== undefined);
      const found = await tx.monthStates(
        keys.map((k) => ({
          personId: k.account!.personId!,
          accountId: k.account!.accountId!,
          month: k.month,
        })),
      );
      for (const k of keys) {
        const state = found.get(`${k.account!.accountId}|${k.month}`);
        if (state) monthStates.set(monthKey(k.no, k.month), state);
      }
    }
    const trackMonths = corrected.length > 0;

    const context: RuleContext = {
      today,
      profile,
      account: (no, options) => {
        const a = accounts.get(no);
        return a && (!a.deleted || options?.includeDeleted) ? a : undefined;
      },
      monthState: (no, month) => monthStates.get(monthKey(no, month)),
      personKeyOf: (idNumber) => {
        const hash = idHashOf(idNumber);
        if (hash === null) return 'invalid';
        const personId = personByHash.get(hash);
        return personId !== undefined ? String(personId) : `new:${hash}`;
      },
      isOpenReject: (fixes) => openRejects.has(fixes),
    };

    // Identity resolution for the few records that need it (docs/identity-resolution.md).
    const step = createResolutionStep({
      reads: tx.resolution,
      cipher,
      profile,
      ...(input.decided ? { decided: input.decided } : {}),
    });
    if (personByHash.size > 0) await step.preload([...new Set(personByHash.values())]);
    /** The person an account on file (or opened earlier in the batch) belongs to: -1 for a person new
     *  in this batch (no person on file may take a record of it). */
    const accountPerson = (record: Record<string, unknown>): { personId: number | undefined } => {
      if (record.kind !== 'account' || typeof record.account_no !== 'string') return { personId: undefined };
      const facts = accounts.get(record.account_no);
      if (!facts) return { personId: undefined };
      return { personId: facts.personKey.startsWith('new:') ? -1 : Number(facts.personKey) };
    };

    // Check every record in line order; accepted records change what later lines see.
    const rejects: RejectRow[] = [];
    const findingsOut: Finding[] = [];
    let findingsTruncated = false;
    const newPersonIds = new Map<string, { idEnc: string }>();
    const attributeAgg = new Map<
      string,
      { personKey: string; attribute: string; value: string; first: string; last: string }
    >();
    const opened: { no: string; record: AccountRecord }[] = [];
    const accountOps: {
      no: string;
      record: FurnishedRecord;
      terms: AccountTerms;
      state: 'open' | 'deleted';
      change: AccountChange['change'];
      reason: string | null;
    }[] = [];
    const monthRecords: MonthRecord[] = [];
    // Month lines that carry a payment history profile (stored beside the monthly states).
    const profiled: MonthRecord[] = [];
    const monthOps: {
      no: string;
      record: MonthRecord | CorrectionRecord | DeletionRecord;
      state: MonthState | null;
    }[] = [];
    // Months corrected or deleted by an earlier line: a later state for them must apply after that change.
    const touchedMonths = new Set<string>();
    const fixes: FixRow[] = [];
    let accepted = 0;

    const addAttribute = (personKey: string, attribute: string, value: unknown, reportedOn: string) => {
      if (typeof value !== 'string' || value.length === 0) return;
      const normalized = normalizeText(value);
      const key = `${personKey}|${attribute}|${normalized}`;
      const agg = attributeAgg.get(key);
      if (!agg)
        attributeAgg.set(key, {
          personKey,
          attribute,
          value: normalized,
          first: reportedOn,
          last: reportedOn,
        });
      else {
        if (reportedOn < agg.first) agg.first = reportedOn;
        if (reportedOn > agg.last) agg.last = reportedOn;
      }
    };
    const personKeyFor = (idNumber: string): string => {
      const key = context.personKeyOf(idNumber);
      if (key.startsWith('new:') && !newPersonIds.has(key)) {
        const checked = profile.nationalId.check(idNumber, today);
        if (!checked.ok) throw new Error('invariant: accepted record has an invalid ID');
        newPersonIds.set(key, { idEnc: cipher.encrypt(checked.id) });
      }
      return key;
    };

    for (const item of parsed) {
      let findings = item.findings;
      if (item.record) findings = validateRecord(item.record, item.line, context);
      const pre = input.preFindings?.get(item.line);
      const hasPre = pre !== undefined && pre.length > 0;
      if (hasPre) findings = [...pre, ...findings];
      let linked: number | undefined;
      const named = item.record?.kind === 'identity' || item.record?.kind === 'account';
      if (named && findings.length > 0 && !hasPre) {
        const answer = await step.rejected(item.record!, findings, item.line, accountPerson(item.record!));
        if (answer.kind === 'link') {
          linked = answer.personId;
          findings = [];
        } else if (answer.kind === 'reject') findings = answer.findings;
      } else if (named && findings.length === 0) {
        const key = context.personKeyOf(item.record!.id_number as string);
        const idPerson = key.startsWith('new:') ? undefined : Number(key);
        if (step.needsCheck(item.record!, idPerson, item.line)) {
          const answer = await step.accepted(item.record!, idPerson, item.line, accountPerson(item.record!));
          if (answer.kind === 'link') linked = answer.personId;
          else if (answer.kind === 'reject') findings = answer.findings;
        }
      }
      if (findings.length > 0) {
        rejects.push({ line: item.line, kind: item.kind, rawEnc: cipher.encrypt(item.raw), findings });
        for (const f of findings) {
          if (findingsOut.length < MAX_FINDINGS_IN_RESPONSE) findingsOut.push(f);
          else findingsTruncated = true;
        }
        continue;
      }
      const record = item.record as unknown as FurnishedRecord;
      accepted += 1;
      if (record.fixes !== undefined) {
        const target = openRejects.get(record.fixes)!;
        fixes.push({ batchPk: target.batchPk, line: target.line, fixedByLine: item.line });
        openRejects.delete(record.fixes);
      }
      switch (record.kind) {
        case 'identity': {
          const personKey = linked !== undefined ? String(linked) : personKeyFor(record.id_number);
          for (const attribute of IDENTITY_ATTRIBUTES)
            addAttribute(personKey, attribute, (record as IdentityRecord)[attribute], record.reported_on);
          break;
        }
        case 'account': {
          const personKey = linked !== undefined ? String(linked) : personKeyFor(record.id_number);
          addAttribute(personKey, 'name', record.name, record.reported_on);
          const terms = pick<AccountTerms>(record, ACCOUNT_TERM_KEYS);
          const current = accounts.get(record.account_no);
          if (!current) {
            opened.push({ no: record.account_no, record });
            accounts.set(record.account_no, {
              accountType: terms.account_type,
              openDate: terms.open_date,
              personKey,
              deleted: false,
              terms,
            });
          } else if (current.deleted || !current.terms || !sameTerms(current.terms, terms)) {
            accountOps.push({
              no: record.account_no,
              record,
              terms,
              state: 'open',
              change: 'update',
              reason: null,
            });
            Object.assign(current, {
              accountType: terms.account_type,
              openDate: terms.open_date,
              deleted: false,
              terms,
            });
          }
          break;
        }
        case 'month': {
          if (touchedMonths.size > 0 && touchedMonths.has(monthKey(record.account_no, record.month)))
            monthOps.push({
              no: record.account_no,
              record,
              state: pick<MonthState>(record, MONTH_STATE_KEYS),
            });
          else monthRecords.push(record);
          if (record.payment_history_profile !== undefined) profiled.push(record);
          if (trackMonths)
            monthStates.set(
              monthKey(record.account_no, record.month),
              pick<MonthState>(record, MONTH_STATE_KEYS),
            );
          break;
        }
        case 'correction': {
          const current = accounts.get(record.account_no)!;
          if (record.month === undefined) {
            const terms = applySet(current.terms ?? ({} as AccountTerms), record.set);
            accountOps.push({
              no: record.account_no,
              record,
              terms,
              state: 'open',
              change: 'correction',
              reason: record.reason,
            });
            Object.assign(current, { accountType: terms.account_type, openDate: terms.open_date, terms });
          } else {
            const state = applySet(monthStates.get(monthKey(record.account_no, record.month))!, record.set);
            monthOps.push({ no: record.account_no, record, state });
            monthStates.set(monthKey(record.account_no, record.month), state);
            touchedMonths.add(monthKey(record.account_no, record.month));
          }
          break;
        }
        case 'deletion': {
          const current = accounts.get(record.account_no)!;
          if (record.month === undefined) {
            accountOps.push({
              no: record.account_no,
              record,
              terms: current.terms!,
              state: 'deleted',
              change: 'deletion',
              reason: record.reason,
            });
            current.deleted = true;
          } else {
            monthOps.push({ no: record.account_no, record, state: null });
            monthStates.delete(monthKey(record.account_no, record.month));
            touchedMonths.add(monthKey(record.account_no, record.month));
          }
          break;
        }
      }
    }

    // Every line is now either a reject (its text encrypted) or an accepted record: drop the parsed
    // lines, so the batch text they slice can be freed while the rows are written.
    const recordCount = parsed.length;
    parsed.length = 0;

    // Ids for what is new, then rows that name persons and accounts by id.
    const batchPk = await tx.allocateIds('batch', 1);
    const personIdOf = new Map<string, number>();
    const newPersons: NewPersonRow[] = [];
    if (newPersonIds.size > 0) {
      let next = await tx.allocateIds('person', newPersonIds.size);
      for (const [key, { idEnc }] of newPersonIds) {
        personIdOf.set(key, next);
        newPersons.push({ personId: next, idType: profile.nationalId.type, idHash: key.slice(4), idEnc });
        next += 1;
      }
    }
    const resolvePerson = (personKey: string): number => {
      const id = personKey.startsWith('new:') ? personIdOf.get(personKey) : Number(personKey);
      if (id === undefined || !Number.isSafeInteger(id))
        throw new Error(`invariant: unresolved person key ${personKey.slice(0, 8)}`);
      return id;
    };
    const newAccounts: NewAccountRow[] = [];
    if (opened.length > 0) {
      let next = await tx.allocateIds('account', opened.length);
      for (const { no, record } of opened) {
        const state = accounts.get(no)!;
        state.personId = resolvePerson(state.personKey);
        state.accountId = next;
        newAccounts.push({
          personId: state.personId,
          accountId: next,
          accountNo: no,
          terms: pick<AccountTerms>(record, ACCOUNT_TERM_KEYS),
          reportedOn: record.reported_on,
        });
        next += 1;
      }
    }
    const attributes: AttributeRow[] = [];
    if (attributeAgg.size > 0) {
      // A value this furnisher reported before for a person on file keeps its sealed text (the
      // same hash under the same key is the same value): a monthly file that repeats its
      // consumers' names, addresses and mobiles seals nothing anew. The row on file is kept by
      // the upsert in any case; the sealed text given serves only should it have gone meanwhile.
      const onFile = new Set<number>();
      for (const agg of attributeAgg.values())
        if (!agg.personKey.startsWith('new:')) onFile.add(resolvePerson(agg.personKey));
      const sealedKey = (personId: number, attribute: string, valueHash: string) =>
        `${personId}|${attribute}|${valueHash}`;
      const sealedOnFile = new Map<string, string>();
      if (onFile.size > 0)
        for (const row of await tx.sealedAttributes(input.furnisherId, [...onFile]))
          sealedOnFile.set(sealedKey(row.personId, row.attribute, row.valueHash), row.valueEnc);
      let next = await tx.allocateIds('attribute', attributeAgg.size);
      for (const agg of attributeAgg.values()) {
        const personId = resolvePerson(agg.personKey);
        const valueHash = cipher.hash(agg.attribute, agg.value);
        attributes.push({
          personId,
          attrId: next,
          attribute: agg.attribute,
          valueHash,
          valueEnc:
            sealedOnFile.get(sealedKey(personId, agg.attribute, valueHash)) ?? cipher.encrypt(agg.value),
          firstReportedOn: agg.first,
          lastReportedOn: agg.last,
        });
        next += 1;
      }
    }
    const keyOf = (no: string) => {
      const a = accounts.get(no)!;
      return { personId: a.personId!, accountId: a.accountId! };
    };
    const accountChanges: AccountChange[] = accountOps.map((op) => ({
      ...keyOf(op.no),
      accountNo: op.no,
      terms: op.terms,
      state: op.state,
      reportedOn: op.record.reported_on,
      change: op.change,
      reason: op.reason,
    }));
    // The hot path: one small object per monthly state, the record itself as the state (no copies).
    const months: MonthRow[] = new Array(monthRecords.length);
    for (let k = 0; k < monthRecords.length; k++) {
      const r = monthRecords[k]!;
      const a = accounts.get(r.account_no)!;
      months[k] = {
        personId: a.personId!,
        accountId: a.accountId!,
        month: r.month,
        state: r,
        reportedOn: r.reported_on,
      };
    }
    const monthChanges: MonthChange[] = monthOps.map((op) => ({
      ...keyOf(op.no),
      month: op.record.month!,
      state: op.state,
      reportedOn: op.record.reported_on,
      change: op.record.kind === 'month' ? 'replacement' : op.record.kind,
      reason: op.record.kind === 'month' ? null : op.record.reason,
    }));
    const historyProfiles: HistoryProfileRow[] = profiled.map((r) => ({
      ...keyOf(r.account_no),
      endMonth: addMonths(r.month, -1),
      statuses: r.payment_history_profile!,
      reportedOn: r.reported_on,
    }));
    if (input.reviewResolution !== undefined && rejects.length > 0)
      throw new IdentityError(
        'review_replay_rejected',
        409,
        `the held record no longer passes the rules (${[...new Set(rejects.flatMap((r) => r.findings.map((f) => f.rule)))].join(', ')}): keep it apart, or let the furnisher fix it`,
      );
    let nextDecision = step.links.length > 0 ? await tx.allocateIds('link_decision', step.links.length) : 0;
    const linkDecisions = step.links.map((l) => ({ ...l, decisionId: nextDecision++ }));
    let nextReview =
      step.reviews.length > 0 ? await tx.allocateIds('identity_review', step.reviews.length) : 0;
    const reviews = step.reviews.map((r) => ({ ...r, reviewId: nextReview++ }));
    const batch: BatchSummary = {
      batchPk,
      batchId: input.batchId,
      furnisherId: input.furnisherId,
      format: input.format ?? 'jsonl',
      contentSha256: sha256,
      bytes: input.body.length,
      receivedAt: now.toISOString(),
      records: recordCount,
      accepted,
      rejected: rejects.length,
    };
    const plan: BatchPlan = {
      batch,
      newPersons,
      attributes,
      newAccounts,
      accountChanges,
      months,
      monthChanges,
      historyProfiles,
      rejects,
      fixes,
      linkDecisions,
      reviews,
      ...(input.reviewResolution ? { reviewResolution: input.reviewResolution } : {}),
    };
    await tx.apply(plan);
    return { batch, replayed: false, findings: findingsOut, findingsTruncated };
  });
}

export type { FurnishTransaction };
