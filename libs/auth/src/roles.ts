/**
 * The roles of a travel company's or airline's customer-service department (REQUIREMENTS T-3-norms).
 * Each role sees and does what its duties need; `admin` may do everything. A `supervisor` leads the
 * complaint specialists: approves high-value compensation and receives escalated complaints.
 * `integration` is a system, not a person: the company's reservation system importing bookings.
 */
export const STAFF_ROLES = ['agent', 'complaint_specialist', 'supervisor', 'crm_manager', 'after_sales', 'trainer', 'analyst', 'integration', 'admin'] as const;

/**
 * The one role of a caller who is not staff: a customer signed in to a customer app, whose user id
 * is their crm customer id. A customer token carries this role and no other (the gateway refuses
 * any mix), runs only the customer-facing operations and reads only that customer's data
 * (apps/gateway/src/anonymous-operations.ts). Whoever holds a signed link instead of a token
 * (signed-links.ts) runs only the operation that link is for.
 */
export const CUSTOMER_ROLE = 'customer' as const;

export const ROLES = [...STAFF_ROLES, CUSTOMER_ROLE] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The verified caller, as the gateway passes it to subgraphs. */
export interface Identity {
  userId: string;
  roles: Role[];
  name?: string;
}

/** A customer calling for themselves: the customer role (never together with a staff role). */
export function isCustomerCaller(identity: Identity | undefined): boolean {
  return !!identity && identity.roles.includes(CUSTOMER_ROLE);
}

export function hasAnyRole(identity: Identity | undefined, roles: readonly Role[]): boolean {
  if (!identity) return false;
  if (identity.roles.includes('admin')) return true;
  return roles.some((role) => identity.roles.includes(role));
}

/** Roles whose duties need a customer's contact details (answering, following up, resolving). */
export const CONTACT_DETAIL_ROLES: readonly Role[] = ['agent', 'complaint_specialist', 'supervisor', 'crm_manager', 'after_sales'];

/** Who may request and read a customer data export (right of access, A-5.3). */
export const DATA_EXPORT_ROLES: readonly Role[] = ['crm_manager', 'admin'];
