import { enumOf, type EnumValue, SERVICE_RECOVERY_REASONS } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** Where a service-recovery task stands. */
export const ServiceRecoveryStatus = enumOf(['OPEN', 'ESCALATED', 'RESOLVED']);
export type ServiceRecoveryStatus = EnumValue<typeof ServiceRecoveryStatus>;
registerEnumType(ServiceRecoveryStatus, {
  name: 'ServiceRecoveryStatus',
  description: 'OPEN (after-sales is to call the customer by its due time), ESCALATED (it became a complaint), RESOLVED.',
});

export const ServiceRecoveryReason = enumOf(SERVICE_RECOVERY_REASONS);
export type ServiceRecoveryReason = EnumValue<typeof ServiceRecoveryReason>;
registerEnumType(ServiceRecoveryReason, { name: 'ServiceRecoveryReason', description: 'DETRACTOR (NPS 0–6) or LOW_COMPONENT_RATING (a component rated 1–2).' });

/** The team service-recovery tasks are assigned to. */
export const SERVICE_RECOVERY_TEAM = 'after_sales';
