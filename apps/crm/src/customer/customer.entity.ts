import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CustomerStatus, CustomerTier, PreferredChannel, TierRule, TravelPreferences } from './customer.enums';

/** A customer's profile (T-1.6, A-3.4.1). Contact details and documents are personal data: masked for roles without need. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer of the travel company or airline.' })
@Entity('customer')
@Index('customer_status_verified_idx', ['status', 'lastVerifiedAt', 'id'])
export class Customer {
  @Field(() => ID, { description: 'The customer profile; the id every service refers to the customer by.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => CustomerStatus, { description: 'Active; merged into another profile; or erased (personal data removed).' })
  @Column({ type: 'enum', enum: CustomerStatus, enumName: 'customer_status', default: CustomerStatus.ACTIVE })
  status: CustomerStatus;

  @Field(() => ID, { nullable: true, description: 'For a MERGED profile: the profile it was merged into.' })
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @Field({ description: 'Full name as the customer gives it.' })
  @Column({ name: 'full_name' })
  fullName: string;

  /** The name as duplicate detection compares it (`nameKey` of name-key.ts), set wherever the name is. */
  @Column({ name: 'name_key', type: 'text', default: '' })
  nameKey: string;

  @Field(() => String, { nullable: true, description: 'Primary e-mail address; masked for roles without need.' })
  @Index('customer_email_idx')
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Primary phone number in E.164 form; masked for roles without need.' })
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Field({ description: 'BCP 47 language tag, e.g. "en", "zh-CN".' })
  @Column({ name: 'preferred_language', default: 'en' })
  preferredLanguage: string;

  @Field(() => PreferredChannel, { nullable: true, description: 'How the customer prefers to be contacted.' })
  @Column({ name: 'preferred_channel', type: 'enum', enum: PreferredChannel, enumName: 'preferred_channel', nullable: true })
  preferredChannel: PreferredChannel | null;

  @Field(() => TravelPreferences, { description: 'What the customer likes when travelling: seat, meal, destinations, budget, styles, special services.' })
  @Column({ name: 'travel_preferences', type: 'jsonb', default: () => "'{}'" })
  preferences: TravelPreferences;

  @Field(() => [String], { description: 'Free labels for segments and campaigns, e.g. "honeymoon", "frequent-flyer".' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Field({ description: 'The customer agreed to receive offers and campaigns.' })
  @Column({ name: 'marketing_consent', default: false })
  marketingConsent: boolean;

  @Field({ description: 'The customer agreed to follow-up calls and visits (T-2.1).' })
  @Column({ name: 'follow_up_consent', default: true })
  followUpConsent: boolean;

  @Field(() => Date, { nullable: true, description: 'When the customer last stated their consents.' })
  @Column({ name: 'consents_updated_at', type: 'timestamptz', precision: 3, nullable: true })
  consentsUpdatedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Notes for personal service: needs and potential needs (T-1.6).' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => Int, { description: 'How complete the profile is, 0 to 100 (T-1.6).' })
  @Column({ type: 'smallint', default: 0 })
  completeness: number;

  @Field(() => [String], { description: 'What the profile still lacks, e.g. "phone", "travelDocument", "budgetBand".' })
  @Column({ name: 'profile_gaps', type: 'text', array: true, default: () => "'{}'" })
  profileGaps: string[];

  @Field({ description: 'When the profile was last confirmed with the customer (timeliness).' })
  @Column({ name: 'last_verified_at', type: 'timestamptz', precision: 3 })
  lastVerifiedAt: Date;

  @Field(() => String, { nullable: true, description: 'User id of who last confirmed the profile with the customer.' })
  @Column({ name: 'last_verified_by', type: 'text', nullable: true })
  lastVerifiedBy: string | null;

  @Field(() => CustomerTier, { description: 'The service tier the customer gets.' })
  @Column({ type: 'enum', enum: CustomerTier, enumName: 'customer_tier', default: CustomerTier.STANDARD })
  tier: CustomerTier;

  @Field(() => TierRule, { description: 'The rule that set the tier.' })
  @Column({ name: 'tier_rule', type: 'enum', enum: TierRule, enumName: 'customer_tier_rule', default: TierRule.DEFAULT })
  tierRule: TierRule;

  @Field(() => String, { nullable: true, description: 'Why the tier was set, in words.' })
  @Column({ name: 'tier_reason', type: 'text', nullable: true })
  tierReason: string | null;

  @Field(() => Date, { nullable: true, description: 'When the tier was last set.' })
  @Column({ name: 'tier_set_at', type: 'timestamptz', precision: 3, nullable: true })
  tierSetAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When the customer's personal data was erased." })
  @Column({ name: 'erased_at', type: 'timestamptz', precision: 3, nullable: true })
  erasedAt: Date | null;

  @Field({ description: 'When the profile was created.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field({ description: 'When the profile last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
