import type { CompensationItem } from './compensation-item.entity';

/** A compensation item without its free text, for the timeline (which holds no customer's words). */
export function compensationSummary(item: Partial<CompensationItem>) {
  return { kind: item.kind, amount: item.amount ?? null, currency: item.currency ?? null, quantity: item.quantity ?? null };
}
