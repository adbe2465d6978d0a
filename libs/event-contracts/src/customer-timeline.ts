import { z } from 'zod';
import { type EventContract, defineEvent, field } from './contract';

/**
 * The kinds of entry other services put on a customer's timeline (crm's interaction history). A
 * new service adds its kind here, not in crm: crm shows every kind listed here. Kept open in the
 * schema (a pattern, not an enum) so that adding a kind stays a compatible change of version 1.
 */
export const TIMELINE_KINDS = ['COMPLAINT', 'INQUIRY', 'ORDER_CHANGE', 'TRIP', 'INCIDENT', 'SURVEY', 'SERVICE_RECOVERY', 'DOCUMENT'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

const timelineEntry = z.object({
  /**
   * One fact, one id: a producer uses the id of the domain event it publishes in the same
   * transaction, so a re-sent entry is the same entry and crm records it once.
   */
  entryId: field.id(),
  customerId: field.id(),
  kind: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/)
    .describe(`One of ${TIMELINE_KINDS.join(', ')}; a new kind is added to TIMELINE_KINDS in customer-timeline.ts`),
  /** Classifications and references only, never the customer's own words. */
  summary: z.string().min(1).max(500),
  /** The record in the producing service, e.g. the complaint id. */
  referenceId: z.string().min(1),
  /** Its readable reference, e.g. a complaint registration number or a booking reference. */
  referenceNumber: z.string().nullable(),
  /** What it was about, as the producer classified it (e.g. BAGGAGE). */
  category: z.string().nullable(),
  occurredAt: field.time(),
});

export type CustomerTimelineEntryData = Omit<z.infer<typeof timelineEntry>, 'kind'> & { kind: TimelineKind };

export type CustomerTimelineEntryContract = EventContract<typeof timelineEntry>;

export function customerTimelineTopic(producer: string): string {
  return `carebridge.${producer}.customer-timeline`;
}

/** The contracts made here, so that the catalogue finds every producer's without a list kept by hand. */
const timelineContracts = new WeakSet<EventContract>();

/**
 * The one way a service shows up on a customer's timeline: it publishes
 * `<producer>.customer_timeline_entry` with the step that is worth showing, and crm records it
 * (once per entryId, on the surviving profile of a merged customer) without knowing the
 * producer's own events.
 */
export function defineCustomerTimelineEntry(producer: string): CustomerTimelineEntryContract {
  const contract = defineEvent({
    // Event types allow no hyphen: after-sales publishes after_sales.customer_timeline_entry.
    type: `${producer.replace(/-/g, '_')}.customer_timeline_entry`,
    version: 1,
    producer,
    topic: customerTimelineTopic(producer),
    description: `An entry for a customer's interaction history from the ${producer} service (T-1.7), e.g. a step of a case. crm lists it under Customer.interactions.`,
    schema: timelineEntry,
    key: (data) => data.customerId,
    personalData: "none beyond customerId (pseudonymous): summaries carry classifications and references, never the customer's words",
  });
  timelineContracts.add(contract);
  return contract;
}

/** Whether a contract is a timeline entry (made by `defineCustomerTimelineEntry`). */
export function isCustomerTimelineEntry(contract: EventContract): contract is CustomerTimelineEntryContract {
  return timelineContracts.has(contract);
}

export const complaintCustomerTimelineEntry = defineCustomerTimelineEntry('complaint');
export const inquiryCustomerTimelineEntry = defineCustomerTimelineEntry('inquiry');
