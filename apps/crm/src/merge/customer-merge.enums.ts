import { registerEnumType } from 'type-graphql';

export enum DuplicateReason {
  SAME_EMAIL = 'SAME_EMAIL',
  SAME_PHONE = 'SAME_PHONE',
  SIMILAR_NAME = 'SIMILAR_NAME',
}
registerEnumType(DuplicateReason, { name: 'DuplicateReason' });
