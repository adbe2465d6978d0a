import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Whether after-sales may contact a customer: the follow-up consent (crm's consent, mirrored here)
 * and the opt-out of regular care. A customer without a row consents and is not opted out. After a
 * merge a customer may have several rows: the strictest wins.
 */
@ObjectType('CustomerContactPreferences', { description: "Whether after-sales may contact a customer: follow-up consent and care opt-out." })
@Entity('customer_contact_preference')
export class CustomerContactPreference {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field({ description: 'False: the customer withdrew consent to follow-ups (no survey, no reminder).' })
  @Column({ name: 'follow_up_consent', type: 'boolean', default: true })
  followUpConsent: boolean;

  @Field({ description: 'True: no regular-care contacts (pre-departure reminders, anniversaries).' })
  @Column({ name: 'care_opt_out', type: 'boolean', default: false })
  careOptOut: boolean;

  /** When the consent was stated where it was stated (crm or staff): an older statement arriving later is ignored. */
  @Field(() => Date, { nullable: true })
  @Column({ name: 'consent_changed_at', type: 'timestamptz', precision: 3, nullable: true })
  consentChangedAt: Date | null;

  @Field()
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
