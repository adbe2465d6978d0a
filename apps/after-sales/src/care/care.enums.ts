import { CARE_RULE_KINDS, enumOf, type EnumValue } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** The rules of regular care (T-4.4). */
export const CareRuleKind = enumOf(CARE_RULE_KINDS);
export type CareRuleKind = EnumValue<typeof CareRuleKind>;
registerEnumType(CareRuleKind, {
  name: 'CareRuleKind',
  description: 'Pre-departure reminders (documents, visa, check-in: N days before the first segment) and the anniversary of a trip (N days before it).',
});

export const CareContactStatus = enumOf(['OPEN', 'DONE', 'CANCELLED']);
export type CareContactStatus = EnumValue<typeof CareContactStatus>;
registerEnumType(CareContactStatus, { name: 'CareContactStatus', description: 'OPEN (to do by its due time), DONE, CANCELLED (the trip was cancelled or the customer opted out).' });

export const PRE_DEPARTURE_KINDS: readonly CareRuleKind[] = [CareRuleKind.PRE_DEPARTURE_DOCUMENTS, CareRuleKind.PRE_DEPARTURE_VISA, CareRuleKind.PRE_DEPARTURE_CHECK_IN];
