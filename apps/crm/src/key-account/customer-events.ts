import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, isUuid, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { Customer } from '../customer/customer.entity';
import { CustomerStatus } from '../customer/customer.enums';
import type { InteractionHistory } from '../interaction/interaction-history';
import { InteractionKind } from '../interaction/interaction.enums';
import { CustomerEvent, CustomerEventInvitation } from './key-account.entity';
import { CustomerEventStatus, InvitationStatus } from './key-account.enums';
import { lockedKeyAccount } from './key-account-lookups';
import type {
  CancelCustomerEventInput,
  InviteToCustomerEventInput,
  OrganiseCustomerEventInput,
  RecordCustomerEventAttendanceInput,
  RecordInvitationResponseInput,
} from './key-account.inputs';

/** Customer events for key customers (A-3.4.3): organised, invitations answered, attendance recorded in the attendees' history. */
export class CustomerEvents {
  constructor(
    private readonly dataSource: DataSource,
    private readonly history: InteractionHistory,
    private readonly clock: Clock,
  ) {}

  async organise(input: OrganiseCustomerEventInput, by: Identity): Promise<CustomerEvent> {
    if (input.endsAt <= input.startsAt) throw BadUserInputError.field('input.endsAt', 'after-start', 'must be after startsAt');
    return this.dataSource.transaction(async (manager) => {
      if (input.keyAccountId) await lockedKeyAccount(manager, input.keyAccountId);
      return manager.save(
        manager.create(CustomerEvent, {
          keyAccountId: input.keyAccountId ?? null,
          title: input.title.trim(),
          description: input.description?.trim() || null,
          venue: input.venue?.trim() || null,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          status: CustomerEventStatus.PLANNED,
          organisedBy: by.userId,
          createdAt: this.clock.now(),
        }),
      );
    });
  }

  async invite(input: InviteToCustomerEventInput, by: Identity): Promise<CustomerEvent> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockedPlanned(manager, input.eventId);
      const ids = [...new Set(input.customerIds)];
      const active = await manager.findBy(Customer, { id: In(ids), status: CustomerStatus.ACTIVE });
      const missing = ids.find((id) => !active.some((c) => c.id === id));
      if (missing) throw BadUserInputError.field('input.customerIds', 'active-customer', `names "${missing}", which is not an active customer`);
      const now = this.clock.now();
      await manager
        .createQueryBuilder()
        .insert()
        .into(CustomerEventInvitation)
        .values(ids.map((customerId) => ({ eventId: event.id, customerId, status: InvitationStatus.INVITED, invitedBy: by.userId, invitedAt: now })))
        .orIgnore()
        .execute();
      return event;
    });
  }

  async recordResponse(input: RecordInvitationResponseInput): Promise<CustomerEventInvitation> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockedPlanned(manager, input.eventId);
      const invitation = await manager.findOne(CustomerEventInvitation, { where: { eventId: input.eventId, customerId: input.customerId }, lock: { mode: 'pessimistic_write' } });
      if (!invitation) throw BadUserInputError.field('input.customerId', 'invited', 'was not invited to this event');
      invitation.status = input.accepted ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED;
      invitation.respondedAt = this.clock.now();
      return manager.save(invitation);
    });
  }

  async recordAttendance(input: RecordCustomerEventAttendanceInput): Promise<CustomerEvent> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockedPlanned(manager, input.eventId);
      const invitations = await manager.findBy(CustomerEventInvitation, { eventId: event.id });
      const attended = new Set(input.attendedCustomerIds);
      const stranger = [...attended].find((id) => !invitations.some((i) => i.customerId === id));
      if (stranger) throw BadUserInputError.field('input.attendedCustomerIds', 'invited', `names "${stranger}", who was not invited`);
      for (const invitation of invitations) {
        if (attended.has(invitation.customerId)) invitation.status = InvitationStatus.ATTENDED;
        else if (invitation.status !== InvitationStatus.DECLINED) invitation.status = InvitationStatus.NO_SHOW;
      }
      await manager.save(invitations);
      event.status = CustomerEventStatus.HELD;
      const saved = await manager.save(event);
      for (const customerId of attended) {
        await this.history.record(manager, {
          customerId,
          kind: InteractionKind.CUSTOMER_EVENT,
          summary: `Attended the customer event "${event.title}"`,
          referenceId: event.id,
          sourceService: 'crm',
          occurredAt: event.startsAt,
          entryId: null,
        });
      }
      return saved;
    });
  }

  async cancel(input: CancelCustomerEventInput): Promise<CustomerEvent> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockedPlanned(manager, input.eventId);
      event.status = CustomerEventStatus.CANCELLED;
      return manager.save(event);
    });
  }

  private async lockedPlanned(manager: EntityManager, id: string): Promise<CustomerEvent> {
    const event = isUuid(id) ? await manager.findOne(CustomerEvent, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!event) throw new NotFoundError('CustomerEvent', id);
    if (event.status !== CustomerEventStatus.PLANNED) throw new ConflictError(`The customer event is already ${event.status}`, { currentStatus: event.status, allowedNext: [] });
    return event;
  }
}
