/**
 * `openbureau institution add|list`.
 *
 * @example
 *   openbureau institution add --name "Example Bank" --kind bank --role lender --role furnisher
 */
import { API_KEY_SHOWN_CHARS, generateApiKey, hashApiKey } from '../access/api-keys.js';
import { codeFromName, institutionProblems } from '../access/institution.js';
import type { InstitutionKind, InstitutionRole } from '../domain/codes.js';
import { withBureau } from './cli-bureau.js';
import { options } from './main.js';

export async function institutionCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    return withBureau(async (bureau) => {
      for (const i of await bureau.institutions.list())
        process.stdout.write(
          `${i.code.padEnd(24)} ${i.kind.padEnd(20)} ${i.roles.join(',').padEnd(26)} ${i.name}\n`,
        );
      return 0;
    });
  }
  if (sub !== 'add') {
    process.stderr.write(
      'usage: openbureau institution add --name NAME --kind KIND --role ROLE [--role ROLE] [--code CODE] | list\n',
    );
    return 2;
  }
  const { values } = options(rest, {
    name: { type: 'string' },
    kind: { type: 'string' },
    role: { type: 'string', multiple: true },
    code: { type: 'string' },
  });
  const name = values.name ?? '';
  const roles = (values.role ?? [])
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter(Boolean);
  const input = { code: values.code ?? codeFromName(name), name, kind: values.kind ?? '', roles };
  const problems = institutionProblems(input);
  if (problems.length > 0) {
    process.stderr.write(
      `openbureau: cannot add the institution:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return 2;
  }
  return withBureau(async (bureau) => {
    if (await bureau.institutions.findByCode(input.code)) {
      process.stderr.write(`openbureau: an institution with code '${input.code}' exists already\n`);
      return 2;
    }
    const created = await bureau.institutions.create({
      ...input,
      kind: input.kind as InstitutionKind,
      roles: input.roles as InstitutionRole[],
    });
    const key = generateApiKey();
    await bureau.institutions.addKey(
      created.institutionId,
      hashApiKey(key),
      key.slice(0, API_KEY_SHOWN_CHARS),
    );
    process.stdout.write(
      `institution ${created.code} (${created.kind}; ${created.roles.join(', ')})\napi key (shown once, store it now): ${key}\n`,
    );
    return 0;
  });
}
