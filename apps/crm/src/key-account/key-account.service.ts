import type { Identity } from '@carebridge/auth';
import { BadUserInputError, type Clock, ConflictError, type Connection, NotFoundError, paginate, type PageArgs } from '@carebridge/service-kit';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { Customer, CustomerStatus, TierRule } from '../customer/customer.entity';
import { type CustomerService, isUuid } from '../customer/customer.service';
import { InteractionKind } from '../interaction/interaction.entity';
import type { InteractionService } from '../interaction/interaction.service';
import type { CustomerRecords } from '../shared/customer-records';
import {
  CustomerEvent,
  CustomerEventInvitation,
  CustomerEventStatus,
  InvitationStatus,
  KeyAccount,
  KeyAccountMember,
  KeyAccountStatus,
  type ServiceTerms,
} from './key-account.entity';
import type {
  AddKeyAccountMemberInput,
  CancelCustomerEventInput,
  CreateKeyAccountInput,
  InviteToCustomerEventInput,
  OrganiseCustomerEventInput,
  RecordCustomerEventAttendanceInput,
  RecordInvitationResponseInput,
  RemoveKeyAccountMemberInput,
  ServiceTermsInput,
  UpdateKeyAccountInput,
} from './key-account.inputs';

/** Key accounts and the customer events organised for them (T-2.4, A-3.4.3). */
export class KeyAccountService implements CustomerRecords {
  readonly section = 'keyAccount';

  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerService,
    private readonly interactions: InteractionService,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateKeyAccountInput, by: Identity): Promise<KeyAccount> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireUniqueName(manager, input.name.trim(), null);
      return manager.save(
        manager.create(KeyAccount, {
          name: input.name.trim(),
          kind: input.kind,
          status: KeyAccountStatus.ACTIVE,
          accountManagerId: input.accountManagerId.trim(),
          accountManagerName: input.accountManagerName?.trim() || null,
          serviceTerms: serviceTerms(input.serviceTerms),
          memberTier: input.memberTier,
          createdBy: by.userId,
          createdAt: this.clock.now(),
        }),
      );
    });
  }

  async update(input: UpdateKeyAccountInput): Promise<KeyAccount> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.locked(manager, input.id);
      if (input.name !== undefined) {
        await this.requireUniqueName(manager, input.name.trim(), account.id);
        account.name = input.name.trim();
      }
      if (input.accountManagerId !== undefined) account.accountManagerId = input.accountManagerId.trim();
      if (input.accountManagerName !== undefined) account.accountManagerName = input.accountManagerName?.trim() || null;
      if (input.serviceTerms !== undefined) account.serviceTerms = serviceTerms(input.serviceTerms);
      if (input.status !== undefined) account.status = input.status;
      if (input.memberTier !== undefined && input.memberTier !== account.memberTier) {
        account.memberTier = input.memberTier;
        const members = await manager.findBy(KeyAccountMember, { keyAccountId: account.id });
        for (const member of members) await this.raiseMemberTier(manager, account, member.customerId);
      }
      return manager.save(account);
    });
  }

  async addMember(input: AddKeyAccountMemberInput, by: Identity): Promise<KeyAccount> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.locked(manager, input.keyAccountId);
      if (account.status !== KeyAccountStatus.ACTIVE) throw new ConflictError('The key account is closed', { currentStatus: account.status, allowedNext: [] });
      const customer = await this.customers.lockedActive(manager, input.customerId, 'input.customerId');
      const existing = await manager.findOneBy(KeyAccountMember, { customerId: customer.id });
      if (existing?.keyAccountId === account.id) return account;
      if (existing) throw BadUserInputError.field('input.customerId', 'one-account', 'already belongs to another key account; remove them there first');
      await manager.insert(KeyAccountMember, { keyAccountId: account.id, customerId: customer.id, position: input.position?.trim() || null, addedBy: by.userId, addedAt: this.clock.now() });
      await this.raiseMemberTier(manager, account, customer.id);
      return account;
    });
  }

  async removeMember(input: RemoveKeyAccountMemberInput): Promise<KeyAccount> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.locked(manager, input.keyAccountId);
      const removed = await manager.delete(KeyAccountMember, { keyAccountId: account.id, customerId: input.customerId });
      if (!removed.affected) throw BadUserInputError.field('input.customerId', 'member', 'is not a member of this key account');
      return account;
    });
  }

  async organiseEvent(input: OrganiseCustomerEventInput, by: Identity): Promise<CustomerEvent> {
    if (input.endsAt <= input.startsAt) throw BadUserInputError.field('input.endsAt', 'after-start', 'must be after startsAt');
    return this.dataSource.transaction(async (manager) => {
      if (input.keyAccountId) await this.locked(manager, input.keyAccountId);
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
      const event = await this.lockedPlannedEvent(manager, input.eventId);
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
      await this.lockedPlannedEvent(manager, input.eventId);
      const invitation = await manager.findOne(CustomerEventInvitation, { where: { eventId: input.eventId, customerId: input.customerId }, lock: { mode: 'pessimistic_write' } });
      if (!invitation) throw BadUserInputError.field('input.customerId', 'invited', 'was not invited to this event');
      invitation.status = input.accepted ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED;
      invitation.respondedAt = this.clock.now();
      return manager.save(invitation);
    });
  }

  async recordAttendance(input: RecordCustomerEventAttendanceInput): Promise<CustomerEvent> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockedPlannedEvent(manager, input.eventId);
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
        await this.interactions.record(manager, {
          customerId,
          kind: InteractionKind.CUSTOMER_EVENT,
          summary: `Attended the customer event "${event.title}"`,
          referenceId: event.id,
          sourceService: 'crm',
          occurredAt: event.startsAt,
          eventId: null,
        });
      }
      return saved;
    });
  }

  async cancelEvent(input: CancelCustomerEventInput): Promise<CustomerEvent> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockedPlannedEvent(manager, input.eventId);
      event.status = CustomerEventStatus.CANCELLED;
      return manager.save(event);
    });
  }

  /** The dedicated account manager of the customer's active key account, if any. */
  async accountManagerOf(manager: EntityManager, customerId: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT a.account_manager_id FROM key_account_member m JOIN key_account a ON a.id = m.key_account_id WHERE m.customer_id = $1 AND a.status = 'ACTIVE'`,
      [customerId],
    );
    return row?.account_manager_id ?? null;
  }

  findById(id: string): Promise<KeyAccount | null> {
    return isUuid(id) ? this.dataSource.getRepository(KeyAccount).findOneBy({ id }) : Promise.resolve(null);
  }

  list(page: PageArgs): Promise<Connection<KeyAccount>> {
    return paginate(this.dataSource.getRepository(KeyAccount).createQueryBuilder('account'), page);
  }

  members(keyAccountId: string, page: PageArgs): Promise<Connection<KeyAccountMember>> {
    const query = this.dataSource.getRepository(KeyAccountMember).createQueryBuilder('member').where('member.keyAccountId = :keyAccountId', { keyAccountId });
    return paginate(query, page, { sortKey: 'addedAt', direction: 'ASC' });
  }

  async accountOf(customerId: string): Promise<KeyAccount | null> {
    const member = await this.dataSource.getRepository(KeyAccountMember).findOneBy({ customerId });
    return member ? this.findById(member.keyAccountId) : null;
  }

  findEvent(id: string): Promise<CustomerEvent | null> {
    return isUuid(id) ? this.dataSource.getRepository(CustomerEvent).findOneBy({ id }) : Promise.resolve(null);
  }

  events(keyAccountId: string | undefined, page: PageArgs): Promise<Connection<CustomerEvent>> {
    const query = this.dataSource.getRepository(CustomerEvent).createQueryBuilder('event');
    if (keyAccountId) query.where('event.keyAccountId = :keyAccountId', { keyAccountId });
    return paginate(query, page, { sortKey: 'startsAt', direction: 'DESC' });
  }

  invitations(eventId: string): Promise<CustomerEventInvitation[]> {
    return this.dataSource.getRepository(CustomerEventInvitation).find({ where: { eventId }, order: { invitedAt: 'ASC', id: 'ASC' } });
  }

  invitationsOf(customerId: string): Promise<CustomerEventInvitation[]> {
    return this.dataSource.getRepository(CustomerEventInvitation).find({ where: { customerId }, order: { invitedAt: 'ASC', id: 'ASC' } });
  }

  async moveTo(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    // The survivor keeps its own membership; the duplicate's moves only if the survivor has none.
    const [, members] = await manager.query(
      `UPDATE key_account_member SET customer_id = $2 WHERE customer_id = $1 AND NOT EXISTS (SELECT 1 FROM key_account_member WHERE customer_id = $2)`,
      [fromId, toId],
    );
    await manager.query(`DELETE FROM key_account_member WHERE customer_id = $1`, [fromId]);
    await manager.query(
      `DELETE FROM customer_event_invitation d WHERE d.customer_id = $1 AND EXISTS (SELECT 1 FROM customer_event_invitation s WHERE s.customer_id = $2 AND s.event_id = d.event_id)`,
      [fromId, toId],
    );
    const [, invitations] = await manager.query(`UPDATE customer_event_invitation SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    return members + invitations;
  }

  async exportFor(manager: EntityManager, customerId: string): Promise<unknown> {
    const membership = await manager.findOneBy(KeyAccountMember, { customerId });
    const account = membership ? await manager.findOneBy(KeyAccount, { id: membership.keyAccountId }) : null;
    return {
      membership: membership && account ? { keyAccount: account.name, kind: account.kind, position: membership.position, since: membership.addedAt, accountManagerId: account.accountManagerId } : null,
      customerEvents: await manager.query(
        `SELECT e.title, e.starts_at AS "startsAt", e.venue, i.status, i.invited_at AS "invitedAt", i.responded_at AS "respondedAt"
         FROM customer_event_invitation i JOIN customer_event e ON e.id = i.event_id WHERE i.customer_id = $1 ORDER BY e.starts_at`,
        [customerId],
      ),
    };
  }

  /** Membership links a person to a company and invitations to places and times: both go. */
  async erase(manager: EntityManager, customerId: string): Promise<void> {
    await manager.delete(KeyAccountMember, { customerId });
    await manager.delete(CustomerEventInvitation, { customerId });
  }

  private raiseMemberTier(manager: EntityManager, account: KeyAccount, customerId: string): Promise<void> {
    return this.customers.raiseTier(manager, customerId, account.memberTier, TierRule.KEY_ACCOUNT, `member of the key account ${account.name}`);
  }

  private async locked(manager: EntityManager, id: string): Promise<KeyAccount> {
    const account = isUuid(id) ? await manager.findOne(KeyAccount, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!account) throw new NotFoundError('KeyAccount', id);
    return account;
  }

  private async lockedPlannedEvent(manager: EntityManager, id: string): Promise<CustomerEvent> {
    const event = isUuid(id) ? await manager.findOne(CustomerEvent, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!event) throw new NotFoundError('CustomerEvent', id);
    if (event.status !== CustomerEventStatus.PLANNED) throw new ConflictError(`The customer event is already ${event.status}`, { currentStatus: event.status, allowedNext: [] });
    return event;
  }

  private async requireUniqueName(manager: EntityManager, name: string, exceptId: string | null): Promise<void> {
    const [clash] = await manager.query(`SELECT id FROM key_account WHERE lower(name) = lower($1) AND ($2::uuid IS NULL OR id <> $2)`, [name, exceptId]);
    if (clash) throw BadUserInputError.field('input.name', 'unique', 'is already the name of another key account');
  }
}

function serviceTerms(input: ServiceTermsInput): ServiceTerms {
  return {
    responseTimeHours: input.responseTimeHours,
    dedicatedHotline: input.dedicatedHotline,
    discountPercent: input.discountPercent ?? null,
    customPlan: input.customPlan?.trim() || null,
    validUntil: input.validUntil ?? null,
  };
}
