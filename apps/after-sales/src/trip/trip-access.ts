import { hasAnyRole, type Identity, type Role } from '@carebridge/auth';

/**
 * Who reads trips: after-sales looks after them, agents answer customers about them, analysts count
 * them (without personal data). `admin` passes every check.
 */
export const TRIP_READERS = ['after_sales', 'agent', 'analyst'] as const satisfies readonly Role[];

/** Who sees a trip's personal data: its booking reference, its transfer places and whose it is. The reservation system sent them. */
export const TRIP_PERSONAL_DATA_ROLES: readonly Role[] = ['after_sales', 'agent', 'integration'];

export function seesTripPersonalData(identity: Identity | undefined): boolean {
  return hasAnyRole(identity, TRIP_PERSONAL_DATA_ROLES);
}

/** `X7K2PQ` → `X7****`: enough to tell bookings apart in a report, not to find one. */
export function maskReference(reference: string | null): string | null {
  if (!reference) return reference;
  return `${reference.slice(0, 2)}${'*'.repeat(Math.max(reference.length - 2, 2))}`;
}

/** Places shown to roles without a need for them. */
export function maskPlace(place: string | null): string | null {
  return place ? '***' : place;
}
