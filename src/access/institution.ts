/**
 * Institutions: who furnishes, who queries, who supervises. An institution has one kind and one
 * or more roles; every API call acts as one institution.
 *
 * @example
 *   const bank: Institution = { institutionId: 1, code: 'cn-bank-a', name: 'A Bank', kind: 'bank', roles: ['furnisher', 'lender'] };
 */
import {
  INSTITUTION_KINDS,
  INSTITUTION_ROLES,
  type InstitutionKind,
  type InstitutionRole,
  isOneOf,
} from '../domain/codes.js';

export interface Institution {
  institutionId: number;
  code: string;
  name: string;
  kind: InstitutionKind;
  roles: InstitutionRole[];
}

export interface NewInstitution {
  code: string;
  name: string;
  kind: InstitutionKind;
  roles: InstitutionRole[];
}

export const INSTITUTION_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const MAX_INSTITUTION_NAME_CHARS = 100;

/** Checks a new institution; returns the problems (empty when valid). */
export function institutionProblems(input: {
  code: string;
  name: string;
  kind: string;
  roles: readonly string[];
}): string[] {
  const problems: string[] = [];
  if (!INSTITUTION_CODE_PATTERN.test(input.code))
    problems.push('code: expected 2-40 characters of lowercase letters, digits and -');
  if (input.name.trim().length === 0 || input.name.length > MAX_INSTITUTION_NAME_CHARS)
    problems.push(`name: expected 1-${MAX_INSTITUTION_NAME_CHARS} characters`);
  if (!isOneOf(INSTITUTION_KINDS, input.kind))
    problems.push(`kind: expected one of ${INSTITUTION_KINDS.join(', ')}`);
  if (input.roles.length === 0)
    problems.push(`role: expected at least one of ${INSTITUTION_ROLES.join(', ')}`);
  for (const role of input.roles)
    if (!isOneOf(INSTITUTION_ROLES, role))
      problems.push(`role '${role}': expected one of ${INSTITUTION_ROLES.join(', ')}`);
  if (input.roles.includes('regulator') && input.roles.length > 1)
    problems.push('role: a regulator has no other role (it neither furnishes nor lends)');
  if (input.roles.includes('bureau') && input.roles.length > 1)
    problems.push('role: the bureau operator has no other role (it sees masked data of every person)');
  return problems;
}

/** Makes a code from a name: 'Example Bank' -> 'example-bank'. */
export function codeFromName(name: string): string {
  const code = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return code.length >= 2 ? code : `inst-${Date.now().toString(36)}`;
}
