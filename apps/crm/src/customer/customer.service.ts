import { BadUserInputError, type Connection, NotFoundError, paginate, type PageArgs } from '@carebridge/service-kit';
import { customerCreated, customerUpdated } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import { Customer } from './customer.entity';
import type { CreateCustomerInput, UpdateCustomerInput } from './customer.inputs';

/** Customer profiles (T-1.6): create, change, find. */
export class CustomerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async create(input: CreateCustomerInput): Promise<Customer> {
    const email = normalizeEmail(input.email);
    const phone = normalizePhone(input.phone);
    if (!email && !phone) {
      throw BadUserInputError.field('input.email', 'contact', 'an e-mail address or a phone number is needed to reach the customer');
    }
    return this.dataSource.transaction(async (manager) => {
      const customer = manager.create(Customer, {
        fullName: input.fullName.trim(),
        email,
        phone,
        preferredLanguage: input.preferredLanguage,
        tier: input.tier,
      });
      const saved = await manager.save(customer);
      await this.outbox.publish(manager, customerCreated, {
        customerId: saved.id,
        tier: saved.tier,
        preferredLanguage: saved.preferredLanguage,
        createdAt: saved.createdAt.toISOString(),
      });
      return saved;
    });
  }

  async update(input: UpdateCustomerInput): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.lockedById(manager, input.id);
      const changes: Partial<Customer> = {};
      if (input.fullName !== undefined) changes.fullName = input.fullName.trim();
      if (input.email !== undefined) changes.email = normalizeEmail(input.email);
      if (input.phone !== undefined) changes.phone = normalizePhone(input.phone);
      if (input.preferredLanguage !== undefined) changes.preferredLanguage = input.preferredLanguage;
      if (input.tier !== undefined) changes.tier = input.tier;
      const changedFields = (Object.keys(changes) as (keyof Customer)[]).filter((key) => changes[key] !== customer[key]);
      Object.assign(customer, changes);
      if (!customer.email && !customer.phone) {
        throw BadUserInputError.field('input.email', 'contact', 'a customer needs an e-mail address or a phone number; both cannot be removed');
      }
      if (!changedFields.length) return customer;
      const saved = await manager.save(customer);
      await this.outbox.publish(manager, customerUpdated, {
        customerId: saved.id,
        changedFields,
        tier: saved.tier,
        preferredLanguage: saved.preferredLanguage,
        updatedAt: saved.updatedAt.toISOString(),
      });
      return saved;
    });
  }

  findById(id: string): Promise<Customer | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(Customer).findOneBy({ id });
  }

  async getById(id: string): Promise<Customer> {
    const customer = await this.findById(id);
    if (!customer) throw new NotFoundError('Customer', id);
    return customer;
  }

  list(args: PageArgs & { search?: string }): Promise<Connection<Customer>> {
    const query = this.dataSource.getRepository(Customer).createQueryBuilder('customer');
    const search = args.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const digits = search.replace(/\D/g, '');
      query.where(
        new Brackets((where) => {
          where.where('customer.fullName ILIKE :pattern', { pattern }).orWhere('customer.email ILIKE :pattern', { pattern });
          if (digits.length >= 3) where.orWhere('customer.phone LIKE :digits', { digits: `%${digits}%` });
        }),
      );
    }
    return paginate(query, args);
  }

  private async lockedById(manager: EntityManager, id: string): Promise<Customer> {
    const customer = isUuid(id) ? await manager.findOne(Customer, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!customer) throw new NotFoundError('Customer', id);
    return customer;
  }
}

export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim();
  return trimmed ? trimmed.toLowerCase() : null;
}

/** Stores phones as E.164: "+44 20 7946-0958" → "+442079460958". */
export function normalizePhone(phone: string | null | undefined): string | null {
  const trimmed = phone?.trim();
  return trimmed ? `+${trimmed.replace(/\D/g, '')}` : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
