import { type Connection, paginate, type PageArgs } from '@carebridge/service-kit';
import type { ReceivedEvent } from '@carebridge/messaging';
import { complaintRegistered } from '@carebridge/event-contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { Interaction, InteractionKind } from './interaction.entity';

/** A customer's interaction history across services, newest first. */
export class InteractionService {
  constructor(private readonly dataSource: DataSource) {}

  forCustomer(customerId: string, page: PageArgs): Promise<Connection<Interaction>> {
    const query = this.dataSource.getRepository(Interaction).createQueryBuilder('interaction').where('interaction.customerId = :customerId', { customerId });
    return paginate(query, page, { sortKey: 'occurredAt', direction: 'DESC' });
  }

  async recordComplaintRegistered(event: ReceivedEvent<typeof complaintRegistered>, manager: EntityManager): Promise<void> {
    const { data } = event;
    await manager.insert(Interaction, {
      customerId: data.customerId,
      kind: InteractionKind.COMPLAINT,
      summary: `Complaint ${data.registrationNumber} registered (${data.category}, ${data.urgency}) via ${data.channel}`,
      referenceId: data.complaintId,
      referenceNumber: data.registrationNumber,
      sourceService: 'complaint',
      occurredAt: new Date(data.registeredAt),
      eventId: event.id,
    });
  }
}
