import { randomUUID } from 'node:crypto';
import { beforeAnswer, type Clock, type Connection, paginate, type PageArgs, type RequestContext, RequestLoader } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { PersonalDataAccess } from './personal-data-access.entity';

export interface AccessLogFilter {
  customerId?: string;
  accessedBy?: string;
  from?: Date;
  to?: Date;
}

/** READ: a query showed it; EXPORT: a data export took it. */
export type PersonalDataAccessPurpose = 'READ' | 'EXPORT';

/**
 * A service's personal-data access log. Field resolvers call `disclosed` before returning an
 * unmasked value and wait for it: the value reaches the client only once its read is on record.
 * The reads of one request are written together — one INSERT for the whole request, one row per
 * customer — whatever the size of the list and however deep the fields: the kit's server holds
 * the answer until it is written (`beforeAnswer`) and withholds it if writing fails. A schema run
 * directly, outside that server, writes each batch of fields before its values are returned.
 * Which customer and which fields, never the values.
 */
export class PersonalDataAccessLog {
  private readonly readIds = new WeakMap<RequestContext, string>();
  private readonly pending = new WeakMap<RequestContext, Map<string, Set<string>>>();
  private readonly reads = new RequestLoader<string, void>(async (keys, scope) => {
    const fieldsByCustomer = new Map<string, Set<string>>();
    for (const key of keys) {
      const [customerId, field] = key.split('\u0000');
      fieldsByCustomer.set(customerId, (fieldsByCustomer.get(customerId) ?? new Set()).add(field));
    }
    const reads = [...fieldsByCustomer].map(([customerId, fields]) => ({ customerId, fields: [...fields].sort() }));
    await this.write(this.dataSource.manager, scope as RequestContext, reads, 'READ');
    return new Map();
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Records that `field` of `customerId` is being shown unmasked to the caller of this request. */
  disclosed(context: RequestContext, customerId: string, field: string): Promise<void> {
    let fieldsByCustomer = this.pending.get(context);
    if (!fieldsByCustomer) {
      const collected = new Map<string, Set<string>>();
      if (!beforeAnswer(context, () => this.writeRequest(context, collected))) return this.reads.load(context, `${customerId}\u0000${field}`);
      this.pending.set(context, collected);
      fieldsByCustomer = collected;
    }
    fieldsByCustomer.set(customerId, (fieldsByCustomer.get(customerId) ?? new Set()).add(field));
    return Promise.resolve();
  }

  private async writeRequest(context: RequestContext, fieldsByCustomer: Map<string, Set<string>>): Promise<void> {
    this.pending.delete(context);
    const reads = [...fieldsByCustomer].map(([customerId, fields]) => ({ customerId, fields: [...fields].sort() }));
    await this.write(this.dataSource.manager, context, reads, 'READ');
  }

  /** Records an export of a customer's data, in the export's transaction. */
  async exported(manager: EntityManager, context: RequestContext, customerId: string, fields: string[]): Promise<void> {
    await this.write(manager, context, [{ customerId, fields }], 'EXPORT');
  }

  list(filter: AccessLogFilter, page: PageArgs): Promise<Connection<PersonalDataAccess>> {
    const query = this.dataSource.getRepository(PersonalDataAccess).createQueryBuilder('access');
    if (filter.customerId) query.andWhere('access.customerId = :customerId', { customerId: filter.customerId });
    if (filter.accessedBy) query.andWhere('access.accessedBy = :accessedBy', { accessedBy: filter.accessedBy });
    if (filter.from) query.andWhere('access.accessedAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('access.accessedAt < :to', { to: filter.to });
    return paginate(query, page, { sortKey: 'accessedAt', direction: 'DESC' });
  }

  /** One statement for all the customers of a batch; a later batch of the same request adds its fields to the same rows. */
  private async write(manager: EntityManager, context: RequestContext, reads: { customerId: string; fields: string[] }[], purpose: PersonalDataAccessPurpose): Promise<void> {
    if (!reads.length || !context.identity) return;
    let readId = this.readIds.get(context);
    if (!readId) {
      readId = randomUUID();
      this.readIds.set(context, readId);
    }
    const identity = context.identity;
    const now = this.clock.now();
    const values: unknown[] = [];
    const rows = reads.map((read, i) => {
      values.push(read.customerId, read.fields);
      return `($${i * 2 + 1}::uuid, $${i * 2 + 2}::text[])`;
    });
    const base = values.length;
    values.push(identity.userId, identity.name ?? null, identity.roles, purpose, readId, context.requestId ?? null, now);
    await manager.query(
      `INSERT INTO personal_data_access (customer_id, fields, accessed_by, accessed_by_name, accessor_roles, purpose, read_id, request_id, accessed_at)
       SELECT r.customer_id, r.fields, $${base + 1}, $${base + 2}, $${base + 3}::text[], $${base + 4}, $${base + 5}::uuid, $${base + 6}, $${base + 7}
       FROM (VALUES ${rows.join(', ')}) AS r (customer_id, fields)
       ON CONFLICT (read_id, customer_id, purpose) DO UPDATE
         SET fields = ARRAY(SELECT DISTINCT f FROM unnest(personal_data_access.fields || EXCLUDED.fields) AS f ORDER BY f)`,
      values,
    );
  }
}
