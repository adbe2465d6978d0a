import { enumOf, type EnumValue } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** Where a person stands on a course mandatory for their role. */
export const ComplianceStatus = enumOf(['COMPLIANT', 'RECERTIFICATION_DUE', 'PENDING', 'OVERDUE']);
export type ComplianceStatus = EnumValue<typeof ComplianceStatus>;
registerEnumType(ComplianceStatus, {
  name: 'ComplianceStatus',
  description: 'COMPLIANT (valid certificate), RECERTIFICATION_DUE (valid, to be renewed before it expires), PENDING (never completed, not yet due), OVERDUE (never completed by its due date, or the certificate expired).',
});

export const OverdueReason = enumOf(['NEVER_COMPLETED', 'CERTIFICATE_EXPIRED']);
export type OverdueReason = EnumValue<typeof OverdueReason>;
registerEnumType(OverdueReason, { name: 'OverdueReason' });
