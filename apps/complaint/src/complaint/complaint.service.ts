import { BadUserInputError, type Clock, type Connection, paginate } from '@carebridge/service-kit';
import type { Identity } from '@carebridge/auth';
import { complaintRegistered } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import type { CustomerDirectory } from '../customer/customer-directory';
import { Complaint, ComplaintStatus } from './complaint.entity';
import type { ComplaintsArgs, RegisterComplaintInput } from './complaint.inputs';

/** The complaint procedure: registering and finding complaints. */
export class ComplaintService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerDirectory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async register(input: RegisterComplaintInput, registeredBy: Identity): Promise<Complaint> {
    const now = this.clock.now();
    if (input.occurredAt.getTime() > now.getTime() + 5 * 60_000) {
      throw BadUserInputError.field('input.occurredAt', 'past', 'must not be in the future');
    }
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.customers.isKnown(manager, input.customerId))) {
        throw BadUserInputError.field('input.customerId', 'known-customer', `no customer with id "${input.customerId}" is known`);
      }
      const complaint = manager.create(Complaint, {
        registrationNumber: await nextRegistrationNumber(manager, now),
        customerId: input.customerId,
        status: ComplaintStatus.REGISTERED,
        channel: input.channel,
        category: input.category,
        urgency: input.urgency,
        description: input.description,
        occurredAt: input.occurredAt,
        location: input.location?.trim() || null,
        peopleInvolved: (input.peopleInvolved ?? []).map((p) => ({ kind: p.kind, name: p.name.trim(), detail: p.detail ?? null })),
        registeredBy: registeredBy.userId,
        registeredByName: registeredBy.name ?? null,
        createdAt: now,
        updatedAt: now,
      });
      const saved = await manager.save(complaint);
      await this.outbox.publish(manager, complaintRegistered, {
        complaintId: saved.id,
        registrationNumber: saved.registrationNumber,
        customerId: saved.customerId,
        channel: saved.channel,
        category: saved.category,
        urgency: saved.urgency,
        registeredBy: saved.registeredBy,
        registeredAt: saved.createdAt.toISOString(),
      });
      return saved;
    });
  }

  findById(id: string): Promise<Complaint | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(Complaint).findOneBy({ id });
  }

  list(args: ComplaintsArgs): Promise<Connection<Complaint>> {
    const query = this.dataSource.getRepository(Complaint).createQueryBuilder('complaint');
    const filter = args.filter ?? {};
    if (filter.status?.length) query.andWhere('complaint.status IN (:...status)', { status: filter.status });
    if (filter.category?.length) query.andWhere('complaint.category IN (:...category)', { category: filter.category });
    if (filter.urgency?.length) query.andWhere('complaint.urgency IN (:...urgency)', { urgency: filter.urgency });
    if (filter.customerId) query.andWhere('complaint.customerId = :customerId', { customerId: filter.customerId });
    if (filter.registeredFrom) query.andWhere('complaint.createdAt >= :from', { from: filter.registeredFrom });
    if (filter.registeredTo) query.andWhere('complaint.createdAt < :to', { to: filter.registeredTo });
    return paginate(query, args);
  }
}

/** `CMP-2026-000123`: numbered per calendar year (UTC), gap-free because the counter row is locked. */
async function nextRegistrationNumber(manager: EntityManager, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = await manager.query(
    `INSERT INTO complaint_number_counter (year, last_number) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = complaint_number_counter.last_number + 1
     RETURNING last_number`,
    [year],
  );
  return `CMP-${year}-${String(row.last_number).padStart(6, '0')}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
