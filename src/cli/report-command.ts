/**
 * `openbureau report`: pulls a credit report as a lender and prints it in the terminal (or as
 * JSON), through the same consent gate and inquiry recording as the API. A consent is created on
 * the spot only with --demo-consent.
 *
 * @example
 *   openbureau report --id 11010519491231002X --name 王芳 --purpose 02 --as chenguang-bank --demo-consent
 */
import { randomBytes } from 'node:crypto';
import { consentInstant } from '../consent/consent.js';
import { isInquiryReason } from '../consent/inquiry-reasons.js';
import { personHashes, pullReport } from '../report/pull-report.js';
import { renderReportText } from '../report/render-text.js';
import { withBureau } from './cli-bureau.js';
import { options } from './main.js';

/** Validity of a consent made by --demo-consent. */
const DEMO_CONSENT_DAYS = 30;

export async function reportCommand(args: string[]): Promise<number> {
  const { values } = options(args, {
    id: { type: 'string' },
    name: { type: 'string' },
    purpose: { type: 'string', default: '02' },
    as: { type: 'string' },
    consent: { type: 'string' },
    'demo-consent': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  if (!values.id || !values.name || !values.as || (!values.consent && !values['demo-consent'])) {
    process.stderr.write(
      'usage: openbureau report --id ID_NUMBER --name NAME --as LENDER [--purpose 02] (--consent CONSENT_ID | --demo-consent) [--json]\n',
    );
    return 2;
  }
  if (!isInquiryReason(values.purpose)) {
    process.stderr.write(
      'openbureau: --purpose: expected an inquiry reason code such as 02 (loan approval)\n',
    );
    return 2;
  }
  return withBureau(async (bureau) => {
    const lender = await bureau.institutions.findByCode(values.as!);
    if (!lender?.roles.includes('lender')) {
      process.stderr.write(`openbureau: no lender with code '${values.as}'\n`);
      return 2;
    }
    let consentId = values.consent;
    if (values['demo-consent']) {
      const checked = bureau.profile.nationalId.check(values.id!, new Date().toISOString().slice(0, 10));
      if (!checked.ok) {
        process.stderr.write(`openbureau: --id: ${checked.message}\n`);
        return 2;
      }
      const now = new Date();
      consentId = `c_${randomBytes(16).toString('base64url')}`;
      await bureau.consents.create({
        consentId,
        lenderId: lender.institutionId,
        ...personHashes(bureau.cipher, checked.id, values.name!),
        purpose: values.purpose as '02',
        grantedAt: now.toISOString(),
        expiresAt: consentInstant(new Date(now.getTime() + DEMO_CONSENT_DAYS * 86_400_000).toISOString())!,
        evidenceRef: 'cli --demo-consent',
        createdAt: now.toISOString(),
        revokedAt: null,
      });
      process.stderr.write(
        `demo consent ${consentId} created for ${lender.code} (${DEMO_CONSENT_DAYS} days)\n`,
      );
    }
    const outcome = await pullReport(bureau.reportDeps, {
      lender,
      idNumber: values.id!,
      name: values.name!,
      purpose: values.purpose,
      consentId: consentId!,
    });
    if (!outcome.ok) {
      process.stderr.write(`openbureau: report refused: ${outcome.refusal}: ${outcome.message}\n`);
      return outcome.refusal === 'invalid_request' ? 2 : 3;
    }
    process.stdout.write(
      values.json
        ? `${JSON.stringify(JSON.parse(outcome.json), null, 2)}\n`
        : renderReportText(outcome.report),
    );
    return 0;
  });
}
