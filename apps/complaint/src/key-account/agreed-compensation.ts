import type { AgreedCompensationRule } from '@carebridge/known-customers';
import { fromCents, toCents } from '../resolution/compensation-valuation';

/** An item of proposed compensation, as a key account's rules judge it. */
export interface ProposedItem {
  kind: string;
  amount: string | null;
  currency: string | null;
  quantity: number | null;
}

/**
 * The key account's rule that pre-approves this item for a complaint of this category, if any: of
 * the item's kind, for the category or any, and within its maximum — an amount in the rule's
 * currency (another currency is not covered: the agreement names its currency), a quantity of
 * points or miles. A rule without a maximum covers only items without an amount or quantity (a
 * service gesture), never an unlimited sum.
 */
export function preApprovingRule(rules: readonly AgreedCompensationRule[], category: string, item: ProposedItem): AgreedCompensationRule | null {
  return (
    rules.find((rule) => {
      if (!rule.preApproved || rule.kind !== item.kind || (rule.category !== null && rule.category !== category)) return false;
      if (item.amount !== null) return rule.maxAmount !== null && rule.currency === item.currency && toCents(item.amount) <= toCents(rule.maxAmount);
      if (item.quantity !== null) return rule.maxQuantity !== null && item.quantity <= rule.maxQuantity;
      return rule.maxAmount === null && rule.maxQuantity === null;
    }) ?? null
  );
}

/** How the timeline and the item name the rule that approved it. */
export function ruleInWords(rule: AgreedCompensationRule): string {
  const limit = rule.maxAmount !== null ? ` up to ${fromCents(toCents(rule.maxAmount))} ${rule.currency}` : rule.maxQuantity !== null ? ` up to ${rule.maxQuantity}` : '';
  return `Pre-approved by the key account's agreed terms: ${rule.kind}${limit}${rule.category ? ` for ${rule.category}` : ''}`;
}
