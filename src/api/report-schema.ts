/**
 * JSON Schema of the credit report answer (the CreditReport type, src/report/report-types.ts):
 * it serializes the answer and documents it in the OpenAPI document. Every property is listed:
 * the serializer drops what the schema does not name.
 *
 * @example
 *   app.post('/v1/reports', { schema: { response: { 200: CREDIT_REPORT_SCHEMA } } }, handler);
 */
import { REPORT_SCORE_SCHEMA } from './report-score-schema.js';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const nullableInt = { type: ['integer', 'null'] } as const;
const obj = (properties: Record<string, unknown>, nullable = false) => ({
  type: nullable ? ['object', 'null'] : 'object',
  required: Object.keys(properties),
  properties,
});
const optionalObj = (required: string[], properties: Record<string, unknown>) => ({
  type: 'object',
  required,
  properties,
});

const INSTITUTION = obj({ code: str, name: str, kind: str });
const REASON = obj({ code: str, label: str });
const VALUE = obj({ value: str, furnisher: str, firstReportedOn: str, lastReportedOn: str });
const TERMS = optionalObj(
  [
    'account_type',
    'business_type',
    'currency',
    'open_date',
    'amount_minor',
    'repayment_method',
    'repayment_frequency',
    'guarantee_type',
    'joint_loan',
  ],
  {
    account_type: str,
    business_type: str,
    currency: str,
    open_date: str,
    maturity_date: str,
    amount_minor: int,
    shared_limit_minor: int,
    repayment_method: str,
    repayment_frequency: str,
    instalments: int,
    guarantee_type: str,
    joint_loan: { type: 'boolean' },
    first_delinquency_date: str,
  },
);

export const CREDIT_REPORT_SCHEMA = obj({
  header: obj({
    reportNumber: str,
    generatedAt: str,
    subject: obj({ name: str, idType: str, idNumberMasked: str }),
    queriedBy: INSTITUTION,
    reason: REASON,
    personKnown: { type: 'boolean' },
    objections: int,
    fraudWarning: {
      type: 'array',
      items: str,
      description: 'The anti-fraud warning: one line per fraud signal that fired (docs/fraud-signals.md).',
    },
  }),
  personalInformation: obj(
    {
      sex: { type: ['string', 'null'] },
      birthDate: { type: ['string', 'null'] },
      names: { type: 'array', items: VALUE },
      mobiles: { type: 'array', items: VALUE },
      addresses: { type: 'array', items: VALUE },
      employers: { type: 'array', items: VALUE },
    },
    true,
  ),
  summary: obj({
    accountsByCategory: {
      type: 'array',
      items: obj({ category: str, label: str, accounts: int, open: int, firstBusinessMonth: str }),
    },
    overdueByCategory: {
      type: 'array',
      items: obj({
        category: str,
        label: str,
        accounts: int,
        monthsOverdue: int,
        worstStatus: str,
        largestOverdueAmountMinor: int,
        currency: str,
      }),
    },
    creditAndDebt: {
      type: 'array',
      items: obj({
        currency: str,
        revolving: obj({ accounts: int, totalLimitMinor: int, usedMinor: int, averageUsed6mMinor: int }),
        loans: obj({ accounts: int, totalAmountMinor: int, balanceMinor: int }),
      }),
    },
    distinctOpenFurnishers: int,
    inquiries: { type: 'array', items: obj({ months: int, hard: int, soft: int, hardInstitutions: int }) },
    multiLending: {
      type: 'array',
      description:
        'Multi-lending indicators by window and institution group (docs/indicators.md), before this inquiry.',
      items: obj({
        window: str,
        group: str,
        hardInquiries: int,
        inquiringInstitutions: int,
        newAccounts: int,
        newAccountInstitutions: int,
        newAmountMinor: int,
      }),
    },
    score: REPORT_SCORE_SCHEMA,
  }),
  accounts: {
    type: 'array',
    items: obj({
      category: str,
      furnisher: INSTITUTION,
      accountNo: str,
      terms: TERMS,
      state: str,
      latest: obj(
        {
          month: str,
          status: str,
          fiveClass: int,
          balanceMinor: int,
          usedLimitMinor: nullableInt,
          overdueAmountMinor: int,
          actualPaymentMinor: int,
        },
        true,
      ),
      gridFrom: {
        type: ['string', 'null'],
        description: 'The first month of the grid (YYYY-MM); null when the grid is empty.',
      },
      grid: {
        type: 'string',
        maxLength: 60,
        description:
          "The 60-month repayment grid, oldest first, one character per month from gridFrom: a status code (N, 1-7, C, G, D, Z, *, #, B, M), '/' before the account opened, '-' when the month was not reported.",
      },
    }),
  },
  inquiries: {
    type: 'array',
    items: obj({ at: str, institutionKind: str, institutionName: str, reason: REASON }),
  },
});
