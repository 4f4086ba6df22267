/**
 * Masked values for the review queue: enough for a bureau operator to see what agreed and what did
 * not, never a full value. Masks work on the normalised values the comparison saw.
 *
 * | attribute | shown |
 * |---|---|
 * | surname | its first character, the rest as * |
 * | given name | * only (one per character) |
 * | date of birth | the year: 1949-**-** |
 * | sex | as is (m, f) |
 * | address | its first 3 characters and … |
 * | mobile | * and the last 4 digits |
 * | national ID | the first 2 and last 2 characters, * between |
 *
 * @example
 *   maskValue('phone', '3800138000'); // '******8000'
 *   maskValue('surname', '欧阳'); // '欧*'
 */
import type { ResolutionAttribute } from './bureau-model.js';

const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/**
 * One value masked ('' stays '').
 *
 * @example
 *   maskValue('national_id', '11010519491231002X'); // '11**************2X'
 */
export function maskValue(attribute: ResolutionAttribute, value: string): string {
  if (value === '') return '';
  const chars = [...value];
  switch (attribute) {
    case 'surname':
      return chars[0]! + stars(chars.length - 1);
    case 'given_name':
      return stars(chars.length);
    case 'date_of_birth':
      return `${value.slice(0, 4)}-**-**`;
    case 'sex':
      return value;
    case 'address_1':
      return `${chars.slice(0, 3).join('')}…`;
    case 'phone':
      return stars(chars.length - 4) + chars.slice(-4).join('');
    case 'national_id':
      return chars.length <= 4
        ? stars(chars.length)
        : chars.slice(0, 2).join('') + stars(chars.length - 4) + chars.slice(-2).join('');
  }
}
