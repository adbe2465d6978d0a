import type { Role } from '@carebridge/auth';

/**
 * The roles of the help desk's staff, as the sign-in token names them (libs/auth): what a course is
 * mandatory for and what KPI standards are set for. `integration` (a system) and `admin` are not staff roles here.
 */
export const STAFF_ROLES = ['agent', 'complaint_specialist', 'supervisor', 'crm_manager', 'after_sales', 'trainer', 'analyst'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What erased words and names are replaced with. */
export const ERASED = '[erased]';
