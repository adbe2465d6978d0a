import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CareRuleKind } from './care.enums';

/** One rule of regular care (T-4.4): when it produces a contact, and whether it is on. Seeded by the migration; staff change it. */
@ObjectType('CareRule', { description: 'A rule of regular care: a pre-departure reminder or the trip anniversary.' })
@Entity('care_rule')
export class CareRule {
  @Field(() => CareRuleKind)
  @PrimaryColumn({ type: 'enum', enum: CareRuleKind, enumName: 'care_rule_kind' })
  kind: CareRuleKind;

  @Field(() => Int, { description: 'How many days before the first segment (or the anniversary) the contact is due.' })
  @Column({ name: 'days_before', type: 'integer' })
  daysBefore: number;

  @Field()
  @Column({ type: 'boolean' })
  active: boolean;

  @Field()
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
