import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CustomerDataExportStatus, type PreparedPart } from './customer-data-export.enums';
import { EXPORT_CONTRIBUTOR_SECTIONS } from './export-contributors';

/**
 * A request for all data Carebridge holds about a customer (right of access, A-5.3). crm writes its
 * own part at once and asks the other services by event; each keeps its part in its own database
 * and serves it to the gateway, which hands them to `document` (`@requires`), so the parts travel
 * through the graph to the requester and never through a topic.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer data export: all data Carebridge holds about a customer, gathered from every service.' })
@Entity('customer_data_export')
export class CustomerDataExport {
  @Field(() => ID, { description: 'The export.' })
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The customer whose data it holds.' })
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Field(() => CustomerDataExportStatus, { description: 'Whether every service has delivered its part.' })
  @Column({ type: 'text' })
  status: CustomerDataExportStatus;

  @Field({ description: 'The request it answers, e.g. "letter of 2026-11-02, ticket 4711".' })
  @Column({ type: 'text' })
  reason: string;

  @Field({ description: 'User id of who requested it.' })
  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Field({ description: 'When it was requested.' })
  @Column({ name: 'requested_at', type: 'timestamptz', precision: 3 })
  requestedAt: Date;

  @Field({ description: 'When every service should have sent its part.' })
  @Column({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the last part arrived.' })
  @Column({ name: 'completed_at', type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;

  @Field({ description: 'When every part is deleted.' })
  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  /** crm's own part, written with the request; null once expired. json keeps the document's key order. */
  @Column({ name: 'crm_document', type: 'json', nullable: true })
  crmDocument: Record<string, unknown> | null;

  /** The other services' reports, by service. */
  @Column({ name: 'prepared_parts', type: 'jsonb' })
  preparedParts: Record<string, PreparedPart>;
}

/** An export as the gateway hands it back for `document`: with the other services' parts, by section. */
export type CustomerDataExportWithParts = CustomerDataExport & { [section: string]: unknown };

// One external field per contributor, named after it, so the contributors' list is the only place to change.
for (const section of EXPORT_CONTRIBUTOR_SECTIONS) {
  Field(() => GraphQLJSONObject, { nullable: true })(CustomerDataExport.prototype, section);
  Directive('@external')(CustomerDataExport.prototype, section);
}
