/**
 * The `openbureau` command: start the bureau, manage institutions, furnish files.
 *
 * @example
 *   openbureau start
 *   openbureau institution add --name "Example Bank" --role lender --role furnisher --kind bank
 *   openbureau furnish records.jsonl --as example-bank
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type OptionsSpec = NonNullable<ParseArgsConfig['options']>;

import { furnishCommand } from './furnish-command.js';
import { identityCommand } from './identity-command.js';
import { institutionCommand } from './institution-command.js';
import { metro2Command } from './metro2-command.js';
import { reportCommand } from './report-command.js';
import { scoreCommand } from './score-command.js';
import { migrateCommand, startCommand } from './start-command.js';

const HELP = `openbureau: an open-source consumer credit bureau

Usage:
  openbureau start [--port N] [--host H] [--no-demo]   migrate, build the demo market on an empty store, serve the API
  openbureau migrate                                   apply pending schema migrations
  openbureau institution add --name NAME --kind KIND --role ROLE [--role ROLE] [--code CODE]
                                                       add an institution; prints its API key once
  openbureau institution list                          list institutions
  openbureau furnish FILE --as INSTITUTION [--format jsonl|metro2] [--batch-id ID] [--json]
                                                       furnish a JSON Lines or Metro 2 file (split into batches;
                                                       Metro 2 persons linked by SSN under the US profile)
  openbureau report --id ID --name NAME --as LENDER [--purpose 02] (--consent ID | --demo-consent) [--json]
                                                       pull a credit report as a lender and print it
  openbureau metro2 validate FILE [--json] [--unwrap] [--today YYYY-MM-DD]
                                                       check a Metro 2 file (or its JSON): exit 0 valid, 1 errors, 2 unreadable
  openbureau metro2 convert IN OUT [--unwrap] [--compute-trailer]
                                                       Metro 2 to JSON or JSON to Metro 2 (by content; gzip input read)
  openbureau metro2 print FILE [--unwrap]              list a Metro 2 file record by record with its findings
  openbureau identity dedupe FILE.csv --id-column COL [--exclude COL ...] [--map COLUMN=ROLE ...] [--threshold W] --out OUT.csv
                                                       link the rows of a person file that are one person (record_id,cluster_id)
  openbureau score evaluate FILE --target COL --bad VALUE [--folds 10] [--seed N] [--exclude COL ...] [--json]
                                                       cross-validated AUC and Gini of a scorecard on a CSV or ARFF file, variables by IV
  openbureau score train FILE --target COL --bad VALUE --out MODEL.json [--base-score 600 --base-odds 50 --pdo 20]
                                                       train a scorecard on all rows and write the versioned model
  openbureau score build [--sample N] [--training-month YYYY-MM] [--holdout-month YYYY-MM] [--json]
                                                       train the bureau score on the store's history, print the
                                                       hold-out AUC and Gini, store the model with its version
  openbureau score monitor [--sample N] [--month YYYY-MM] [--json]
                                                       population stability index of the score and its variables

Environment: DATABASE_URL (PostgreSQL; default embedded SQLite under OPENBUREAU_DATA_DIR, ./data),
OPENBUREAU_MASTER_KEY, OPENBUREAU_KEY_FILE, HOST, PORT, OPENBUREAU_JURISDICTION (CN), LOG_LEVEL.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return startCommand(rest);
    case 'migrate':
      return migrateCommand();
    case 'institution':
      return institutionCommand(rest);
    case 'furnish':
      return furnishCommand(rest);
    case 'report':
      return reportCommand(rest);
    case 'identity':
      return identityCommand(rest);
    case 'metro2':
      return metro2Command(rest);
    case 'score':
      return scoreCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`openbureau: unknown command '${command}'\n\n${HELP}`);
      return 2;
  }
}

/** Parses options strictly: unknown options are an error that names them. */
export function options<const T extends OptionsSpec>(
  args: string[],
  spec: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  return parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>({
    args,
    options: spec,
    allowPositionals: true,
    strict: true,
  });
}
