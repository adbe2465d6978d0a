import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum CustomFieldKind {
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  DATE = 'DATE',
  CHOICE = 'CHOICE',
}

registerEnumType(CustomFieldKind, {
  name: 'CustomFieldKind',
  description: 'What a custom field holds: TEXT (up to 500 characters), NUMBER, DATE (YYYY-MM-DD) or CHOICE (one of its choices).',
});

/**
 * A field an admin adds to a service's records of some categories ("bag tag number" on baggage
 * complaints). Its key is unique in the service, so filtering by key is never ambiguous; values
 * live on the record itself (`custom_fields` jsonb), typed as the definition says.
 */
@Directive('@shareable')
@ObjectType({ description: 'A field admins defined for the records of some categories.' })
@Entity('custom_field_definition')
export class CustomFieldDefinition {
  @Field(() => ID, { description: 'The definition’s id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The key values are set and filtered by: 1 to 40 lower-case letters, digits or "_", unique in the service.' })
  @Column({ type: 'text', unique: true })
  key: string;

  @Field({ description: 'The label shown to staff.' })
  @Column({ type: 'text' })
  label: string;

  @Field(() => CustomFieldKind, { description: 'What the field holds.' })
  @Column({ type: 'text' })
  kind: CustomFieldKind;

  @Field(() => [String], { description: 'The categories whose records carry the field; empty: every category.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: string[];

  @Field(() => [String], { description: 'For CHOICE: the values allowed.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  choices: string[];

  @Field({ description: 'User id of the admin who defined it.' })
  @Column({ name: 'defined_by', type: 'text' })
  definedBy: string;

  @Field({ description: 'When it was defined.' })
  @Column({ name: 'defined_at', type: 'timestamptz', precision: 3 })
  definedAt: Date;
}

/** One custom field's value on a record. */
@Directive('@shareable')
@ObjectType({ description: "A custom field's value on a record." })
export class CustomFieldValue {
  @Field({ description: 'The field’s key.' })
  key: string;

  @Field({ description: 'The value as text: a number in decimal notation, a date as YYYY-MM-DD.' })
  value: string;
}

/** Values as stored on a record: numbers as JSON numbers, the rest as strings. */
export type CustomFieldValues = Record<string, string | number>;
