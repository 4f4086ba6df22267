/**
 * `openbureau start`: migrate, build the demo market on an empty store, serve the API, and print
 * the URL, the demo API keys and curl commands that work. `openbureau migrate` only migrates.
 *
 * @example
 *   openbureau start --port 8080
 */
import { buildServer } from '../api/build-server.js';
import { openBureau } from '../app/bureau.js';
import { readConfig } from '../app/config.js';
import { type DemoKeys, demoReportLink, ensureDemoMarket } from '../demo/load-demo.js';
import { withBureau } from './cli-bureau.js';
import { options } from './main.js';

export async function migrateCommand(): Promise<number> {
  return withBureau(async (bureau) => {
    process.stdout.write(`database ${bureau.database.location} is at the latest schema\n`);
    return 0;
  });
}

export async function startCommand(args: string[]): Promise<number> {
  const { values } = options(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
  });
  const config = readConfig({
    ...process.env,
    ...(values.port ? { PORT: values.port } : {}),
    ...(values.host ? { HOST: values.host } : {}),
  });
  const say = (m: string) => process.stdout.write(`${m}\n`);
  const bureau = await openBureau(config, { warn: (m) => process.stderr.write(`warning: ${m}\n`) });
  say(`openbureau: database ${bureau.database.location}`);
  const demo = values['no-demo'] ? undefined : await ensureDemoMarket(bureau, { log: say });
  const app = await buildServer(bureau, {
    logger: { level: config.logLevel, redact: ['req.headers.authorization'] },
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  say('');
  say(`openbureau is running at ${url}`);
  say(`  health:  ${url}/healthz`);
  say(`  API doc: ${url}/openapi.json`);
  if (demo)
    printDemo(
      say,
      url,
      demo,
      await demoReportLink(bureau, demo),
      await demoReportLink(bureau, demo, 'fraud'),
    );
  const stop = async () => {
    await app.close();
    await bureau.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}

function printDemo(
  say: (m: string) => void,
  url: string,
  demo: DemoKeys,
  reportPath: string | undefined,
  fraudReportPath?: string,
): void {
  say('');
  say(
    `demo market: ${demo.stats.persons} persons, ${demo.stats.accounts} accounts, ${demo.stats.monthRecords} monthly states, furnished in ${demo.stats.seconds} s (${demo.stats.rejected} rejected)`,
  );
  say('demo API keys (kept in the data folder, demo only):');
  for (const i of demo.institutions)
    say(`  ${i.code.padEnd(24)} ${i.roles.join(',').padEnd(18)} ${i.apiKey}`);
  const furnisher = demo.institutions.find((i) => i.roles.includes('furnisher'));
  const regulator = demo.institutions.find((i) => i.roles.includes('regulator'));
  if (furnisher) {
    say('');
    say(`try (${furnisher.code}'s batches):`);
    say(`  curl -H 'Authorization: Bearer ${furnisher.apiKey}' ${url}/v1/furnish/batches`);
    say('furnish a record (JSON Lines; the same x-batch-id again changes nothing):');
    const line = JSON.stringify({
      kind: 'identity',
      id_number: '11010519491231002X',
      name: '王芳',
      reported_on: new Date().toISOString().slice(0, 10),
      mobile: '13800138000',
    });
    say(
      `  curl -X POST -H 'Authorization: Bearer ${furnisher.apiKey}' -H 'content-type: application/x-ndjson' -H 'x-batch-id: try-1' --data-binary '${line}' ${url}/v1/furnish/batches`,
    );
  }
  if (regulator) {
    say('institutions (regulator):');
    say(`  curl -H 'Authorization: Bearer ${regulator.apiKey}' ${url}/v1/institutions`);
  }
  const bank = demo.report ? demo.institutions.find((i) => i.code === demo.report?.lenderCode) : undefined;
  if (bank && demo.report) {
    const person = demo.showcase.multiLender;
    const today = new Date().toISOString().slice(0, 10);
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const consentBody = {
      id_number: person.idNumber,
      name: person.name,
      purpose: '02',
      granted_at: today,
      expires_at: expires,
      evidence_ref: 'esign-demo-1',
    };
    const reportBody = {
      id_number: person.idNumber,
      name: person.name,
      purpose: '02',
      consent_id: demo.report.consentId,
    };
    say('');
    say(
      `a credit report (the showcase borrower has accounts at ${person.lenders} lenders); ${bank.code} records a consent, then pulls the report:`,
    );
    say(
      `  curl -H 'Authorization: Bearer ${bank.apiKey}' -H 'content-type: application/json' -d '${JSON.stringify(consentBody)}' ${url}/v1/consents`,
    );
    say(
      `  curl -H 'Authorization: Bearer ${bank.apiKey}' -H 'content-type: application/json' -d '${JSON.stringify(reportBody)}' ${url}/v1/reports`,
    );
    say(
      "  (the second uses the demo's consent; put the consent_id the first returns in its place to use yours; add -H 'accept: text/html' for the page)",
    );
    if (reportPath) say(`the report page (signed link, valid 7 days): ${url}${reportPath}`);
    const check = demo.prelending;
    if (check) {
      const p = check.proposal;
      const checkBody = {
        id_number: person.idNumber,
        name: person.name,
        purpose: '02',
        consent_id: check.consentId,
        proposal: {
          product_kind: p.productKind,
          amount_fen: p.amount_fen,
          term_months: p.term_months,
          repayment: p.repayment,
        },
        declared_income_fen: check.declaredIncome_fen,
      };
      say('');
      say(
        `a pre-lending check: may ${bank.code} lend the same borrower RMB ${(p.amount_fen / 100).toLocaleString('en-US')} more? (${check.verdict}: ${check.decidedBy.join(', ') || 'no rule against it'})`,
      );
      say(
        `  curl -H 'Authorization: Bearer ${bank.apiKey}' -H 'content-type: application/json' -d '${JSON.stringify(checkBody)}' ${url}/v1/prelending-checks`,
      );
      say(`  the bank's own policy: curl -H 'Authorization: Bearer ${bank.apiKey}' ${url}/v1/lender-policy`);
    }
  }
  const fraud = demo.fraudCheck;
  const ringMember = demo.showcase.fraudRing;
  const fraudBank = fraud ? demo.institutions.find((i) => i.code === fraud.lenderCode) : undefined;
  if (fraud && ringMember && fraudBank) {
    const fraudBody = {
      id_number: ringMember.idNumber,
      name: ringMember.name,
      purpose: '02',
      consent_id: fraud.consentId,
    };
    say('');
    say(`a fraud check of a member of a planted fraud ring (fires ${fraud.fired.join(', ')}):`);
    say(
      `  curl -H 'Authorization: Bearer ${fraudBank.apiKey}' -H 'content-type: application/json' -d '${JSON.stringify(fraudBody)}' ${url}/v1/fraud-checks`,
    );
    say(`the same person's report carries the anti-fraud warning (${fraud.warning.length} lines):`);
    say(
      `  curl -H 'Authorization: Bearer ${fraudBank.apiKey}' -H 'content-type: application/json' -d '${JSON.stringify(fraudBody)}' ${url}/v1/reports`,
    );
    if (fraudReportPath) say(`  its page (signed link, valid 7 days): ${url}${fraudReportPath}`);
  }
  if (regulator) {
    say('the market, month by month (regulator):');
    say(`  curl -H 'Authorization: Bearer ${regulator.apiKey}' '${url}/v1/market/overview?months=6'`);
  }
}
