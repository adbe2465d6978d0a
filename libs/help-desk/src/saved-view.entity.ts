import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, PrimaryGeneratedColumn } from 'typeorm';

export enum SavedViewScope {
  PERSONAL = 'PERSONAL',
  TEAM = 'TEAM',
}

registerEnumType(SavedViewScope, {
  name: 'SavedViewScope',
  description: 'Who sees a saved view: PERSONAL, only who saved it; TEAM, everyone holding the team role (managed by supervisors).',
});

/**
 * A filter and sort of a service's list, saved under a name for one user or a team. The filter is
 * the list's own filter input, stored as it was validated; relative parts ("due within 10
 * minutes") stay relative and are evaluated each time the view is read. A service declares its
 * table as `@Entity('saved_view') @ObjectType('<Service>View') class … extends SavedView`, so
 * that each service's view type can list that service's items.
 */
// Decorated so that subclasses inherit its fields; never referenced itself, so never in a schema.
@ObjectType('SavedViewFields')
export abstract class SavedView {
  @Field(() => ID, { description: 'The view’s id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The name shown in the list of views, e.g. "My open high-urgency baggage complaints".' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => SavedViewScope, { description: 'Whether only its owner or a whole team sees it.' })
  @Column({ type: 'text' })
  scope: SavedViewScope;

  @Field(() => String, { nullable: true, description: 'For a personal view: the user id of its owner.' })
  @Column({ name: 'owner_id', type: 'text', nullable: true })
  ownerId: string | null;

  @Field(() => String, { nullable: true, description: 'For a team view: the role whose holders see it, e.g. agent or complaint_specialist.' })
  @Column({ type: 'text', nullable: true })
  team: string | null;

  @Field(() => GraphQLJSONObject, { description: 'The list filter as saved (the fields of the list’s filter input).' })
  @Column({ type: 'jsonb' })
  filter: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'The list order as saved, one of the list’s orderBy values.' })
  @Column({ name: 'order_by', type: 'text', nullable: true })
  orderBy: string | null;

  @Field({ description: 'User id of who saved it.' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field({ description: 'When it was first saved.' })
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
