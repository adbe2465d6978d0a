import type {
  complaintAssigned,
  complaintClosed,
  complaintRegistered,
  complaintReopened,
  complaintResolved,
  inquiryClosed,
  inquiryEscalated,
  inquiryReceived,
  orderChangeCompleted,
  orderChangeRequested,
} from '@carebridge/event-contracts';
import type { ReceivedEvent } from '@carebridge/messaging';
import { type Connection, paginate, type PageArgs } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { Customer } from '../customer/customer.entity';
import { currentCustomer } from '../customer/customer.service';
import type { CustomerRecords } from '../shared/customer-records';
import { Interaction, InteractionKind } from './interaction.entity';

export interface InteractionEntry {
  customerId: string;
  kind: InteractionKind;
  summary: string;
  referenceId: string;
  referenceNumber?: string | null;
  category?: string | null;
  sourceService: string;
  occurredAt: Date;
  eventId: string | null;
}

/**
 * A customer's interaction history across services, newest first (T-1.7). Summaries carry
 * classifications and references, never the customer's own words, so the history holds no
 * personal data beyond the customer id.
 */
export class InteractionService implements CustomerRecords {
  readonly section = 'interactions';

  constructor(private readonly dataSource: DataSource) {}

  forCustomer(customerId: string, page: PageArgs): Promise<Connection<Interaction>> {
    const query = this.dataSource.getRepository(Interaction).createQueryBuilder('interaction').where('interaction.customerId = :customerId', { customerId });
    return paginate(query, page, { sortKey: 'occurredAt', direction: 'DESC' });
  }

  /** Adds an entry in the caller's transaction: crm's own changes record their history with the change. */
  async record(manager: EntityManager, entry: InteractionEntry): Promise<void> {
    await manager.insert(Interaction, { ...entry, referenceNumber: entry.referenceNumber ?? null, category: entry.category ?? null });
  }

  async recordComplaintRegistered(event: ReceivedEvent<typeof complaintRegistered>, manager: EntityManager): Promise<void> {
    const { data } = event;
    const suffix = data.inquiryId ? ', escalated from an inquiry' : '';
    await this.fromEvent(manager, event, data.customerId, {
      kind: InteractionKind.COMPLAINT,
      summary: `Complaint ${data.registrationNumber} registered (${data.category}, ${data.urgency}) via ${data.channel}${suffix}`,
      referenceId: data.complaintId,
      referenceNumber: data.registrationNumber,
      category: data.category,
      sourceService: 'complaint',
      occurredAt: new Date(data.registeredAt),
    });
  }

  async recordComplaintAssigned(event: ReceivedEvent<typeof complaintAssigned>, manager: EntityManager): Promise<void> {
    const { data } = event;
    const number = await this.referenceNumberOf(manager, data.complaintId);
    await this.fromEvent(manager, event, data.customerId, {
      kind: InteractionKind.COMPLAINT,
      summary: `Complaint ${number ?? ''} ${data.automatic ? 'assigned automatically' : 'assigned'}${data.department ? ` to ${data.department}` : ''}`.replace(/\s+/g, ' '),
      referenceId: data.complaintId,
      referenceNumber: number,
      sourceService: 'complaint',
      occurredAt: new Date(data.assignedAt),
    });
  }

  async recordComplaintResolved(event: ReceivedEvent<typeof complaintResolved>, manager: EntityManager): Promise<void> {
    const { data } = event;
    const compensation = data.compensation.map((item) =>
      item.quantity !== null ? `${item.kind} ${item.quantity}` : item.amount !== null ? `${item.kind} ${item.amount} ${item.currency ?? ''}`.trim() : item.kind,
    );
    await this.fromEvent(manager, event, data.customerId, {
      kind: InteractionKind.COMPLAINT,
      summary: `Complaint ${data.registrationNumber} resolved${compensation.length ? `; compensation: ${compensation.join(', ')}` : ''}`,
      referenceId: data.complaintId,
      referenceNumber: data.registrationNumber,
      sourceService: 'complaint',
      occurredAt: new Date(data.resolvedAt),
    });
  }

  async recordComplaintClosed(event: ReceivedEvent<typeof complaintClosed>, manager: EntityManager): Promise<void> {
    const { data } = event;
    const satisfaction = data.satisfactionScore !== null ? ` (satisfaction ${data.satisfactionScore}/5)` : ' (satisfaction not given)';
    await this.fromEvent(manager, event, data.customerId, {
      kind: InteractionKind.COMPLAINT,
      summary: `Complaint ${data.registrationNumber} closed${satisfaction}`,
      referenceId: data.complaintId,
      referenceNumber: data.registrationNumber,
      sourceService: 'complaint',
      occurredAt: new Date(data.closedAt),
    });
  }

  async recordComplaintReopened(event: ReceivedEvent<typeof complaintReopened>, manager: EntityManager): Promise<void> {
    const { data } = event;
    const number = await this.referenceNumberOf(manager, data.complaintId);
    await this.fromEvent(manager, event, data.customerId, {
      kind: InteractionKind.COMPLAINT,
      summary: `Complaint ${number ?? ''} reopened`.replace(/\s+/g, ' '),
      referenceId: data.complaintId,
      referenceNumber: number,
      sourceService: 'complaint',
      occurredAt: new Date(data.reopenedAt),
    });
  }

  async recordInquiryReceived(event: ReceivedEvent<typeof inquiryReceived>, manager: EntityManager): Promise<void> {
    const { data } = event;
    if (!data.customerId) return;
    await this.fromEvent(manager, event, data.customerId, {
      kind: InteractionKind.INQUIRY,
      summary: `Inquiry received via ${data.channel} (${data.category})`,
      referenceId: data.inquiryId,
      category: data.category,
      sourceService: 'inquiry',
      occurredAt: new Date(data.receivedAt),
    });
  }

  async recordInquiryClosed(event: ReceivedEvent<typeof inquiryClosed>, manager: EntityManager): Promise<void> {
    const { data } = event;
    if (!data.customerId) return;
    const satisfaction = data.satisfied === null ? 'satisfaction not asked' : data.satisfied ? 'satisfied' : 'not satisfied';
    await this.fromEvent(manager, event, data.customerId, {
      kind: InteractionKind.INQUIRY,
      summary: `Inquiry (${data.category}) closed, ${satisfaction}${data.satisfactionScore !== null ? ` ${data.satisfactionScore}/5` : ''}`,
      referenceId: data.inquiryId,
      category: data.category,
      sourceService: 'inquiry',
      occurredAt: new Date(data.closedAt),
    });
  }

  async recordInquiryEscalated(event: ReceivedEvent<typeof inquiryEscalated>, manager: EntityManager): Promise<void> {
    const { data } = event;
    await this.fromEvent(manager, event, data.customerId, {
      kind: InteractionKind.INQUIRY,
      summary: `Inquiry escalated to a complaint (${data.category}, ${data.urgency})`,
      referenceId: data.inquiryId,
      category: data.category,
      sourceService: 'inquiry',
      occurredAt: new Date(data.escalatedAt),
    });
  }

  async recordOrderChangeRequested(event: ReceivedEvent<typeof orderChangeRequested>, manager: EntityManager): Promise<void> {
    const { data } = event;
    if (!data.customerId) return;
    await this.fromEvent(manager, event, data.customerId, {
      kind: InteractionKind.ORDER_CHANGE,
      summary: `Order change requested: ${data.kind} of booking ${data.bookingReference}`,
      referenceId: data.orderChangeId,
      referenceNumber: data.bookingReference,
      sourceService: 'inquiry',
      occurredAt: new Date(data.requestedAt),
    });
  }

  async recordOrderChangeCompleted(event: ReceivedEvent<typeof orderChangeCompleted>, manager: EntityManager): Promise<void> {
    const { data } = event;
    if (!data.customerId) return;
    await this.fromEvent(manager, event, data.customerId, {
      kind: InteractionKind.ORDER_CHANGE,
      summary: `Order change ${data.kind} of booking ${data.bookingReference} ${data.outcome === 'DONE' ? 'done' : 'rejected'}`,
      referenceId: data.orderChangeId,
      referenceNumber: data.bookingReference,
      sourceService: 'inquiry',
      occurredAt: new Date(data.completedAt),
    });
  }

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    const [, moved] = await manager.query(`UPDATE interaction SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    return moved;
  }

  exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    return manager.find(Interaction, { where: { customerId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }

  /** The history holds no personal data (summaries are classifications and references), so it is kept for statistics. */
  async erase(): Promise<void> {
    return undefined;
  }

  /**
   * Records an event about a customer: on the survivor if the customer was merged, not at all if
   * they were erased. A customer crm has not seen (yet) still gets the entry under the given id.
   */
  private async fromEvent(
    manager: EntityManager,
    event: ReceivedEvent,
    customerId: string,
    entry: Omit<InteractionEntry, 'customerId' | 'eventId'>,
  ): Promise<void> {
    const owner = await historyOwner(manager, customerId);
    if (!owner) return;
    await this.record(manager, { ...entry, customerId: owner, eventId: event.id });
  }

  private async referenceNumberOf(manager: EntityManager, referenceId: string): Promise<string | null> {
    const earlier = await manager.findOne(Interaction, { where: { referenceId }, order: { occurredAt: 'ASC' } });
    return earlier?.referenceNumber ?? null;
  }
}

/** Whose history an event about `customerId` belongs to: the merge survivor, nobody for an erased customer. */
export async function historyOwner(manager: EntityManager, customerId: string): Promise<string | null> {
  if (!(await manager.existsBy(Customer, { id: customerId }))) return customerId;
  return (await currentCustomer(manager, customerId))?.id ?? null;
}
