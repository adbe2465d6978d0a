import type { Identity } from '@carebridge/auth';
import { ConflictError, isUuid, NotFoundError } from '@carebridge/domain';
import { serviceRecoveryEscalated, serviceRecoveryOpened } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { type Clock, type Connection, paginate } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { FollowUpTimeline } from '../follow-up/follow-up-timeline';
import type { DissatisfiedAnswer, RecoveryOpener } from '../follow-up/survey-answering';
import { ServiceRecoveryTask } from './service-recovery-task.entity';
import { SERVICE_RECOVERY_TEAM, ServiceRecoveryReason, ServiceRecoveryStatus } from './service-recovery.enums';
import type { EscalateServiceRecoveryInput, ResolveServiceRecoveryInput, ServiceRecoveryTasksArgs } from './service-recovery.inputs';

/**
 * Service recovery (T-4.1, the inner loop): a dissatisfied survey answer opens a task for
 * after-sales, due within `targetHours`; staff resolve it, or turn it into a complaint with one
 * action — service_recovery.escalated carries the customer's words to the complaint service,
 * which registers the complaint.
 */
export class ServiceRecovery implements RecoveryOpener {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly timeline: FollowUpTimeline,
    private readonly targetHours: number,
  ) {}

  async openFromSurvey(manager: EntityManager, answer: DissatisfiedAnswer, why: { detractor: boolean; lowComponents: ServiceRecoveryTask['lowComponents'] }): Promise<ServiceRecoveryTask> {
    const reasons = [...(why.detractor ? [ServiceRecoveryReason.DETRACTOR] : []), ...(why.lowComponents.length ? [ServiceRecoveryReason.LOW_COMPONENT_RATING] : [])];
    const words = [answer.npsReason && `Why: ${answer.npsReason}`, answer.comment && `Comment: ${answer.comment}`].filter(Boolean).join('\n');
    const task = await manager.save(
      manager.create(ServiceRecoveryTask, {
        surveyId: answer.surveyId,
        tripId: answer.tripId,
        customerId: answer.customerId,
        bookingReference: answer.bookingReference,
        status: ServiceRecoveryStatus.OPEN,
        reasons,
        nps: answer.nps,
        ratings: answer.ratings,
        lowComponents: why.lowComponents,
        customerWords: words || null,
        tripEndedAt: answer.tripEndedAt,
        assignedTeam: SERVICE_RECOVERY_TEAM,
        assigneeId: null,
        openedAt: answer.at,
        dueAt: new Date(answer.at.getTime() + this.targetHours * 3_600_000),
        updatedAt: answer.at,
      }),
    );
    const eventId = await this.outbox.publish(manager, serviceRecoveryOpened, {
      taskId: task.id,
      surveyId: task.surveyId,
      tripId: task.tripId,
      customerId: task.customerId,
      reasons,
      nps: task.nps,
      lowComponents: task.lowComponents,
      openedAt: task.openedAt.toISOString(),
      dueAt: task.dueAt.toISOString(),
    });
    const low = task.lowComponents.length ? `, low: ${task.lowComponents.join(', ')}` : '';
    await this.timeline.record(manager, {
      entryId: eventId,
      customerId: task.customerId,
      kind: 'SERVICE_RECOVERY',
      summary: `Service recovery opened after the post-trip survey (NPS ${task.nps}${low}), due ${task.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      referenceId: task.id,
      referenceNumber: task.bookingReference,
      category: reasons.join(','),
      occurredAt: task.openedAt,
    });
    return task;
  }

  findById(id: string): Promise<ServiceRecoveryTask | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(ServiceRecoveryTask).findOneBy({ id });
  }

  /** Tasks by due time, soonest first (overdue ones first among the open). */
  list(args: ServiceRecoveryTasksArgs, now = this.clock.now()): Promise<Connection<ServiceRecoveryTask>> {
    const query = this.dataSource.getRepository(ServiceRecoveryTask).createQueryBuilder('task');
    const filter = args.filter ?? {};
    if (filter.status?.length) query.andWhere('task.status IN (:...status)', { status: filter.status });
    if (filter.customerId) query.andWhere('task.customerId = :customerId', { customerId: filter.customerId });
    if (filter.overdue === true) query.andWhere(`task.status = 'OPEN' AND task.dueAt < :now`, { now });
    if (filter.overdue === false) query.andWhere(`NOT (task.status = 'OPEN' AND task.dueAt < :now)`, { now });
    return paginate(query, args, { sortKey: 'dueAt', direction: 'ASC' });
  }

  isOverdue(task: ServiceRecoveryTask, now = this.clock.now()): boolean {
    return task.status === ServiceRecoveryStatus.OPEN && task.dueAt < now;
  }

  async escalate(input: EscalateServiceRecoveryInput, by: Identity): Promise<ServiceRecoveryTask> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const task = await this.openTask(manager, input.taskId);
      Object.assign(task, { status: ServiceRecoveryStatus.ESCALATED, escalatedAt: now, escalatedBy: by.userId, assigneeId: task.assigneeId ?? by.userId, updatedAt: now });
      const saved = await manager.save(task);
      await this.outbox.publish(manager, serviceRecoveryEscalated, {
        taskId: saved.id,
        surveyId: saved.surveyId,
        tripId: saved.tripId,
        customerId: saved.customerId,
        bookingReference: saved.bookingReference,
        escalatedBy: by.userId,
        escalatedAt: now.toISOString(),
        category: input.category,
        urgency: input.urgency,
        description: complaintDescription(saved, input.note?.trim() || null),
        occurredAt: saved.tripEndedAt.toISOString(),
      });
      return saved;
    });
  }

  async resolve(input: ResolveServiceRecoveryInput, by: Identity): Promise<ServiceRecoveryTask> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const task = await this.openTask(manager, input.taskId);
      Object.assign(task, { status: ServiceRecoveryStatus.RESOLVED, resolvedAt: now, resolvedBy: by.userId, resolutionNote: input.note.trim(), assigneeId: task.assigneeId ?? by.userId, updatedAt: now });
      return manager.save(task);
    });
  }

  private async openTask(manager: EntityManager, id: string): Promise<ServiceRecoveryTask> {
    const task = await manager.findOne(ServiceRecoveryTask, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!task) throw new NotFoundError('ServiceRecoveryTask', id);
    if (task.status !== ServiceRecoveryStatus.OPEN) {
      throw new ConflictError(`Service-recovery task "${id}" is ${task.status}: only an open task can be escalated or resolved`, { currentStatus: task.status, allowedNext: [] });
    }
    return task;
  }
}

/** The complaint as the customer told it in the survey, with after-sales' note. */
function complaintDescription(task: ServiceRecoveryTask, note: string | null): string {
  const ratings = task.ratings.map((r) => `${r.component} ${r.score}/5`).join(', ');
  return [
    `Post-trip survey${task.bookingReference ? ` for booking ${task.bookingReference}` : ''}: NPS ${task.nps}/10${ratings ? `; ratings ${ratings}` : ''}.`,
    task.customerWords,
    note && `After-sales: ${note}`,
  ]
    .filter(Boolean)
    .join('\n');
}
