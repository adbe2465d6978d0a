import { type Connection, paginate, type PageArgs } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { ComplaintStatus } from '../status/status.enums';
import { ComplaintHistoryEntry } from './complaint-history.entity';
import type { Changes, ComplaintAction } from './complaint-history.enums';

/** Who acted: a signed-in user, or the service itself (deadline monitor, events from other services). */
export interface Actor {
  userId: string;
  name?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', name: 'Carebridge' };

export interface HistoryRecord {
  action: ComplaintAction;
  actor: Actor;
  at: Date;
  fromStatus?: ComplaintStatus | null;
  toStatus?: ComplaintStatus | null;
  changes?: Changes;
  reason?: string | null;
}

/** The append-only timeline of each complaint: written in the transaction of the change it describes. */
export class ComplaintHistory {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, complaintId: string, entry: HistoryRecord): Promise<void> {
    const row = manager.create(ComplaintHistoryEntry, {
      complaintId,
      at: entry.at,
      actorId: entry.actor.userId,
      actorName: entry.actor.name ?? null,
      action: entry.action,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      changes: entry.changes ?? {},
      reason: entry.reason ?? null,
    });
    await manager.save(row);
  }

  /** Oldest first, in the order the actions happened. */
  forComplaint(complaintId: string, page: PageArgs): Promise<Connection<ComplaintHistoryEntry>> {
    const query = this.dataSource.getRepository(ComplaintHistoryEntry).createQueryBuilder('entry').where('entry.complaintId = :complaintId', { complaintId });
    return paginate(query, { first: page.first ?? 100, after: page.after }, { sortKey: 'id', direction: 'ASC' });
  }
}

/** `{ field: { from, to } }` for the fields whose value differs. */
export function diff<T extends object>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [field, value] of Object.entries(after)) {
    const previous = (before as Record<string, unknown>)[field];
    if (JSON.stringify(previous ?? null) !== JSON.stringify(value ?? null)) changes[field] = { from: previous ?? null, to: value ?? null };
  }
  return changes;
}
