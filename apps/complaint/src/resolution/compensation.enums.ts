import { COMPENSATION_KINDS, enumOf, type EnumValue } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** The forms of compensation a complaint can end with (T-1.5). */
export const CompensationKind = enumOf(COMPENSATION_KINDS);
export type CompensationKind = EnumValue<typeof CompensationKind>;

export enum ApprovalState {
  NOT_REQUIRED = 'NOT_REQUIRED',
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(CompensationKind, { name: 'CompensationKind' });
registerEnumType(ApprovalState, { name: 'ApprovalState', description: 'Whether a compensation item needs, awaits or got a supervisor’s approval.' });
