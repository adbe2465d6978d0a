import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export enum CustomerTier {
  STANDARD = 'STANDARD',
  SILVER = 'SILVER',
  GOLD = 'GOLD',
  VIP = 'VIP',
}
registerEnumType(CustomerTier, { name: 'CustomerTier', description: 'Loyalty tier; GOLD and VIP customers get personal service (A-3.4.1).' });

/** A customer's profile (T-1.6). Contact details are personal data: masked for roles without need. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer of the travel company or airline.' })
@Entity('customer')
export class Customer {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Full name as the customer gives it.' })
  @Column({ name: 'full_name' })
  fullName: string;

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

  @Field(() => CustomerTier)
  @Column({ type: 'enum', enum: CustomerTier, enumName: 'customer_tier', default: CustomerTier.STANDARD })
  tier: CustomerTier;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
