import type { EntityManager } from 'typeorm';
import type { IncidentAction } from './incident.enums';
import { IncidentTimelineEntry } from './incident.entity';

/** Who took a step: a person (by their token) or a system (the courier's integration, the deadline monitor). */
export interface IncidentActor {
  userId: string;
  name?: string | null;
}

export const SYSTEM_ACTOR: IncidentActor = { userId: 'system', name: 'Carebridge' };

export interface TimelineRecord {
  action: IncidentAction;
  at: Date;
  actor: IncidentActor;
  note?: string | null;
  changes?: Record<string, unknown>;
}

/** The incident's append-only timeline: every step adds one entry, in the step's transaction. */
export const incidentTimeline = {
  record(manager: EntityManager, incidentId: string, record: TimelineRecord): Promise<unknown> {
    return manager.save(
      manager.create(IncidentTimelineEntry, {
      incidentId,
      action: record.action,
      at: record.at,
      actorId: record.actor.userId,
      actorName: record.actor.name ?? null,
      note: record.note?.trim() || null,
      changes: record.changes ?? {},
      }),
    );
  },
};
