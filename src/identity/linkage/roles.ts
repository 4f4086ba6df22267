/**
 * Column roles: what a column of a person file holds, recognised from its header (case, spaces
 * and hyphens ignored: FEBRL headers have leading spaces) or set with `--map COLUMN=ROLE`.
 *
 * @example
 *   roleOfHeader(' Date of Birth'); // 'date_of_birth'
 *   roleOfHeader('ZIP'); // 'postcode'
 */

/** Every role a column can have. `name` is a full name, split into given name and surname. */
export const ROLES = [
  'given_name',
  'surname',
  'name',
  'date_of_birth',
  'sex',
  'street_number',
  'address_1',
  'address_2',
  'suburb',
  'postcode',
  'state',
  'phone',
  'email',
  'national_id',
] as const;

/**
 * One role.
 *
 * @example
 *   const role: Role = 'surname';
 */
export type Role = (typeof ROLES)[number];

/**
 * One person as read from a file or sent by a furnisher: raw values by role, missing roles
 * absent or empty.
 *
 * @example
 *   const person: PersonInput = { given_name: 'Mitchell', surname: 'Green', date_of_birth: '1956-04-09' };
 */
export type PersonInput = Partial<Record<Role, string>>;

const HEADER_ALIASES: Readonly<Record<string, Role>> = {
  given_name: 'given_name',
  given_names: 'given_name',
  first_name: 'given_name',
  firstname: 'given_name',
  forename: 'given_name',
  surname: 'surname',
  last_name: 'surname',
  lastname: 'surname',
  family_name: 'surname',
  name: 'name',
  full_name: 'name',
  date_of_birth: 'date_of_birth',
  birth_date: 'date_of_birth',
  birthdate: 'date_of_birth',
  dob: 'date_of_birth',
  sex: 'sex',
  gender: 'sex',
  street_number: 'street_number',
  address_1: 'address_1',
  address1: 'address_1',
  address_2: 'address_2',
  address2: 'address_2',
  suburb: 'suburb',
  city: 'suburb',
  town: 'suburb',
  postcode: 'postcode',
  post_code: 'postcode',
  postal_code: 'postcode',
  zip: 'postcode',
  zip_code: 'postcode',
  zipcode: 'postcode',
  state: 'state',
  phone: 'phone',
  phone_number: 'phone',
  telephone: 'phone',
  mobile: 'phone',
  email: 'email',
  email_address: 'email',
  national_id: 'national_id',
  id_number: 'national_id',
  ssn: 'national_id',
  soc_sec_id: 'national_id',
};

/**
 * A header reduced to its comparable form: trimmed, lower case, runs of spaces, hyphens and
 * dots turned into one underscore.
 *
 * @example
 *   normaliseHeader('  Given-Name '); // 'given_name'
 */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

/**
 * The role a header is recognised as, or null.
 *
 * @example
 *   roleOfHeader('mobile'); // 'phone'
 *   roleOfHeader('rec_id'); // null
 */
export function roleOfHeader(header: string): Role | null {
  return HEADER_ALIASES[normaliseHeader(header)] ?? null;
}

/**
 * Whether `text` names a role (after normalising it like a header).
 *
 * @example
 *   isRole('surname'); // true
 */
export function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text);
}
