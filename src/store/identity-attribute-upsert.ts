/**
 * What happens when an identity value already on a person's file is reported again (by the same
 * furnisher) or moved onto it (a merge): one row, spanning the earliest first report and the
 * latest last report. Shared by furnishing and by the merge of two persons.
 *
 * @example
 *   await db.insertInto('identity_attributes').values(rows).onConflict(keepReportedSpan).execute();
 */
import type { OnConflictBuilder, OnConflictUpdateBuilder } from 'kysely';
import type { Database } from './schema-types.js';

export function keepReportedSpan(
  oc: OnConflictBuilder<Database, 'identity_attributes'>,
): OnConflictUpdateBuilder<Database, 'identity_attributes'> {
  return oc.columns(['person_id', 'attribute', 'value_hash', 'furnisher_id']).doUpdateSet((eb) => ({
    first_reported_on: eb
      .case()
      .when('excluded.first_reported_on', '<', eb.ref('identity_attributes.first_reported_on'))
      .then(eb.ref('excluded.first_reported_on'))
      .else(eb.ref('identity_attributes.first_reported_on'))
      .end(),
    last_reported_on: eb
      .case()
      .when('excluded.last_reported_on', '>', eb.ref('identity_attributes.last_reported_on'))
      .then(eb.ref('excluded.last_reported_on'))
      .else(eb.ref('identity_attributes.last_reported_on'))
      .end(),
  }));
}
