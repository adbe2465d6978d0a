import type { Customer } from './customer.entity';

/**
 * What a complete profile holds (T-1.6, A-3.4.1). Each item counts the same; special-service needs
 * are not an item because "none" is a complete answer.
 */
const PROFILE_ITEMS: { item: string; present: (customer: Customer, documentCount: number) => boolean }[] = [
  { item: 'fullName', present: (c) => Boolean(c.fullName) },
  { item: 'email', present: (c) => Boolean(c.email) },
  { item: 'phone', present: (c) => Boolean(c.phone) },
  { item: 'preferredChannel', present: (c) => Boolean(c.preferredChannel) },
  { item: 'seat', present: (c) => Boolean(c.preferences?.seat) },
  { item: 'meal', present: (c) => Boolean(c.preferences?.meal) },
  { item: 'destinations', present: (c) => Boolean(c.preferences?.destinations?.length) },
  { item: 'budgetBand', present: (c) => Boolean(c.preferences?.budgetBand) },
  { item: 'travelStyles', present: (c) => Boolean(c.preferences?.travelStyles?.length) },
  { item: 'travelDocument', present: (_c, documents) => documents > 0 },
  { item: 'consents', present: (c) => c.consentsUpdatedAt !== null && c.consentsUpdatedAt !== undefined },
];

/** The completeness score (0–100) and the missing items, kept on the profile so lists can sort and filter by it. */
export function assessCompleteness(customer: Customer, documentCount: number): { completeness: number; profileGaps: string[] } {
  const profileGaps = PROFILE_ITEMS.filter((p) => !p.present(customer, documentCount)).map((p) => p.item);
  return { completeness: Math.round((100 * (PROFILE_ITEMS.length - profileGaps.length)) / PROFILE_ITEMS.length), profileGaps };
}
