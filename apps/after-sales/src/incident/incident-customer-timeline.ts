import { afterSalesCustomerTimelineEntry, type CustomerTimelineEntryData } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { EntityManager } from 'typeorm';
import type { Incident } from './incident.entity';

const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');

/**
 * The steps of an incident that crm shows on the customer's timeline (T-1.7): opened, resolved,
 * complaint raised. Each entry takes the id of the domain event it goes out with; the summary holds
 * the incident number and its classification, never the description.
 */
export class IncidentCustomerTimeline {
  constructor(private readonly outbox: Outbox) {}

  opened(manager: EntityManager, eventId: string, incident: Incident): Promise<void> {
    return this.publish(manager, eventId, incident, `Incident ${incident.number} opened: ${words(incident.type)} (${words(incident.severity)} severity)`, incident.openedAt);
  }

  resolved(manager: EntityManager, eventId: string, incident: Incident): Promise<void> {
    return this.publish(manager, eventId, incident, `Incident ${incident.number} resolved: ${words(incident.type)}`, incident.resolvedAt ?? incident.updatedAt);
  }

  baggageFile(manager: EntityManager, eventId: string, incident: Incident, reference: string, step: 'opened' | 'suspended (bag found)' | 'closed', at: Date): Promise<void> {
    return this.publish(manager, eventId, incident, `Baggage file ${reference} ${step} (incident ${incident.number})`, at);
  }

  complaintRaised(manager: EntityManager, eventId: string, incident: Incident, at: Date): Promise<void> {
    return this.publish(manager, eventId, incident, `Complaint raised for incident ${incident.number}: ${words(incident.type)}`, at);
  }

  private async publish(manager: EntityManager, entryId: string, incident: Incident, summary: string, at: Date): Promise<void> {
    await this.outbox.publish(manager, afterSalesCustomerTimelineEntry, {
      entryId,
      customerId: incident.customerId,
      kind: 'INCIDENT',
      summary,
      referenceId: incident.id,
      referenceNumber: incident.number,
      category: incident.category,
      occurredAt: at.toISOString(),
    } satisfies CustomerTimelineEntryData);
  }
}
