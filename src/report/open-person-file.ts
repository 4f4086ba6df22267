/**
 * The store returns a person's file with identity values sealed (the ID number and every
 * reported attribute): they are opened here, on the thread that builds the report.
 *
 * @example
 *   const file = openPersonFile(sealed, (s) => cipher.decrypt(s));
 */
import type { PersonFile, ReportedValue } from './report-types.js';

export function openPersonFile(sealed: PersonFile, decrypt: (sealed: string) => string): PersonFile {
  const attributes: Record<string, ReportedValue[]> = {};
  for (const [name, values] of Object.entries(sealed.attributes))
    attributes[name] = values.map((v) => ({ ...v, value: decrypt(v.value) }));
  return { ...sealed, idNumber: decrypt(sealed.idNumber), attributes };
}
