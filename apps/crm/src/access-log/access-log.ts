import { type Role, CONTACT_DETAIL_ROLES, hasAnyRole } from '@carebridge/auth';
import { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import type { RequestContext } from '@carebridge/service-kit';

export type { AccessLogFilter } from '@carebridge/personal-data-access';

/** Roles whose duties need travel documents on file (booking, check-in help, after-sales papers). */
export const DOCUMENT_ROLES: readonly Role[] = ['agent', 'crm_manager', 'after_sales'];

/** Who sees contact details and documents unmasked; everyone else gets them masked and nothing is logged. */
export function seesContactDetails(context: RequestContext): boolean {
  return hasAnyRole(context.identity, CONTACT_DETAIL_ROLES);
}

export function seesDocuments(context: RequestContext): boolean {
  return hasAnyRole(context.identity, DOCUMENT_ROLES);
}

/**
 * crm's personal-data access log: the shared recorder of @carebridge/personal-data-access
 * (one row per customer per request, batched), on crm's `personal_data_access` table. Reads of
 * contacts and documents are `disclosed`, data exports `exported`.
 */
export class AccessLog extends PersonalDataAccessLog {}
