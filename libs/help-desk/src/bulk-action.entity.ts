import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum BulkItemOutcome {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

registerEnumType(BulkItemOutcome, { name: 'BulkItemOutcome', description: 'Whether the action succeeded on one item of a bulk action.' });

/** The result of a bulk action on one item. */
@Directive('@shareable')
@ObjectType({ description: 'What a bulk action did to one item.' })
export class BulkActionItem {
  @Field(() => ID, { description: 'The item (complaint or inquiry) id.' })
  itemId: string;

  @Field(() => BulkItemOutcome, { description: 'Whether it succeeded on this item.' })
  outcome: BulkItemOutcome;

  @Field(() => String, { nullable: true, description: 'Why it failed: the error code a single action would have answered (CONFLICT, NOT_FOUND, BAD_USER_INPUT, FORBIDDEN…).' })
  errorCode: string | null;

  @Field(() => String, { nullable: true, description: 'Why it failed, in words.' })
  errorMessage: string | null;
}

/**
 * One bulk action as a whole, the audit record of it: who did what to which selection, when, and
 * each item's outcome. The items stay in the row, so the action is one record however many items
 * it had; each item's own history still records the change on that item.
 */
@Directive('@shareable')
@ObjectType({ description: 'An action taken on many items at once, with the outcome for each.' })
@Entity('bulk_action')
export class BulkAction {
  @Field(() => ID, { description: 'The bulk action’s id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'What was done: ASSIGN, REASSIGN, TAG, SET_PRIORITY or CLOSE.' })
  @Column({ type: 'text' })
  kind: string;

  @Field(() => ID, { nullable: true, description: 'The saved view the items came from, when the action was taken on a view.' })
  @Column({ name: 'view_id', type: 'uuid', nullable: true })
  viewId: string | null;

  @Field({ description: 'User id of who took it.' })
  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Field({ description: 'When it was taken.' })
  @Column({ name: 'requested_at', type: 'timestamptz', precision: 3 })
  requestedAt: Date;

  @Field(() => Int, { description: 'How many items it succeeded on.' })
  @Column({ name: 'succeeded_count', type: 'int' })
  succeededCount: number;

  @Field(() => Int, { description: 'How many items it failed on.' })
  @Column({ name: 'failed_count', type: 'int' })
  failedCount: number;

  @Field(() => [BulkActionItem], { description: 'Each item in the order given.' })
  @Column({ type: 'jsonb' })
  items: BulkActionItem[];

  /** The action's parameters (assignee, tags, priority, reason), for the audit; not exposed. */
  @Column({ type: 'jsonb' })
  parameters: Record<string, unknown>;
}
