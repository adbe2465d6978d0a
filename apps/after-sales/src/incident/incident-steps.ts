import type { Identity } from '@carebridge/auth';
import { isUuid, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { ensureIncidentStep, type IncidentStep } from './incident-lifecycle';
import type { IncidentAction } from './incident.enums';
import { Incident } from './incident.entity';
import { type IncidentActor, incidentTimeline } from './incident-timeline';

/** What a step did, for the timeline. */
export interface StepOutcome {
  action: IncidentAction;
  note?: string | null;
  changes?: Record<string, unknown>;
}

/**
 * Takes a step of an incident in one transaction: locks the case, checks the status table, lets
 * the step change it, saves it with its new version and appends the timeline entry.
 */
export class IncidentSteps {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async take(incidentId: string, step: IncidentStep, actor: Identity | IncidentActor, apply: (incident: Incident, manager: EntityManager, now: Date) => Promise<StepOutcome>): Promise<Incident> {
    return this.dataSource.transaction((manager) => this.takeIn(manager, incidentId, step, actor, apply));
  }

  async takeIn(
    manager: EntityManager,
    incidentId: string,
    step: IncidentStep,
    actor: Identity | IncidentActor,
    apply: (incident: Incident, manager: EntityManager, now: Date) => Promise<StepOutcome>,
    field = 'input.incidentId',
  ): Promise<Incident> {
    const now = this.clock.now();
    const incident = await lockIncident(manager, incidentId, field);
    ensureIncidentStep(step, incident.status, incident.number);
    const from = incident.status;
    const outcome = await apply(incident, manager, now);
    if (step.to) incident.status = step.to;
    incident.updatedAt = now;
    const saved = await manager.save(incident);
    await incidentTimeline.record(manager, incident.id, {
      action: outcome.action,
      at: now,
      actor: { userId: actor.userId, name: actor.name ?? null },
      note: outcome.note,
      changes: { ...(step.to && step.to !== from ? { status: { from, to: step.to } } : {}), ...outcome.changes },
    });
    return saved;
  }
}

/** The incident, locked for the step; NOT_FOUND (naming no field: ids are not bad input) for an unknown id. */
export async function lockIncident(manager: EntityManager, incidentId: string, _field = 'input.incidentId'): Promise<Incident> {
  const incident = isUuid(incidentId) ? await manager.findOne(Incident, { where: { id: incidentId }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!incident) throw new NotFoundError('Incident', incidentId);
  return incident;
}
