import { hasAnyRole, type Identity, type Role } from '@carebridge/auth';

/** Who runs incidents: after-sales (admin passes every check). */
export const INCIDENT_MANAGERS = ['after_sales'] as const satisfies readonly Role[];

/** Who reads incidents: after-sales, agents answering the passenger, trainers and analysts (without personal data). */
export const INCIDENT_READERS = ['after_sales', 'agent', 'trainer', 'analyst'] as const satisfies readonly Role[];

/** Who reports a courier's delivery status: the courier's integration, or after-sales keying it in. */
export const COURIER_REPORTERS = ['integration', 'after_sales'] as const satisfies readonly Role[];

/** Who sees what passengers and partners wrote, places, addresses and whose case it is. */
export const INCIDENT_PERSONAL_DATA_ROLES: readonly Role[] = ['after_sales', 'agent'];

export function seesIncidentPersonalData(identity: Identity | undefined): boolean {
  return hasAnyRole(identity, INCIDENT_PERSONAL_DATA_ROLES);
}

export const MASKED = '***';

/** The text for roles that need it, `***` for the others (null stays null). */
export function personal(identity: Identity | undefined, text: string): string;
export function personal(identity: Identity | undefined, text: string | null): string | null;
export function personal(identity: Identity | undefined, text: string | null): string | null {
  if (text === null) return null;
  return seesIncidentPersonalData(identity) ? text : MASKED;
}
