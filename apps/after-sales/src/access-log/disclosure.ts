import type { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import type { RequestContext } from '@carebridge/service-kit';

/**
 * Returns `value` once its read is on record: who (the caller), whose (`customerId`) and which field,
 * never the value. Nothing is recorded for an empty value — nothing was disclosed. Call it only on the
 * unmasked branch: a masked read is not logged.
 */
export async function disclose<T>(log: PersonalDataAccessLog, context: RequestContext, customerId: string | null | undefined, field: string, value: T): Promise<T> {
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (customerId && !empty) await log.disclosed(context, customerId, field);
  return value;
}
