import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, isUuid, NotFoundError } from '@carebridge/domain';
import { type Connection, paginate } from '@carebridge/service-kit';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { INCIDENT_STEPS } from '../incident-lifecycle';
import type { IncidentSteps } from '../incident-steps';
import { IncidentAction } from '../incident.enums';
import { PartnerTask, PartnerTaskStatus } from './partner-task.entity';
import type { AssignPartnerTaskInput, CancelPartnerTaskInput, OverduePartnerTasksArgs, RecordPartnerAnswerInput } from './partner-task.inputs';

const HOUR_MS = 3_600_000;

/**
 * Coordination with departments and partners (T-4.3): a task for the hotel, ground handler,
 * courier or insurer, with an owner and a due time; the partner's answer recorded on it. Overdue
 * tasks are listed here and announced once by the deadline monitor (partner-task-deadline.ts).
 */
export class PartnerTasks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly steps: IncidentSteps,
    private readonly clock: Clock,
    private readonly dueHours: number,
  ) {}

  async assign(input: AssignPartnerTaskInput, actor: Identity): Promise<PartnerTask> {
    const now = this.clock.now();
    if (input.dueAt && input.dueAt <= now) throw BadUserInputError.field('input.dueAt', 'future', 'must be in the future');
    let task!: PartnerTask;
    await this.steps.take(input.incidentId, INCIDENT_STEPS.work, actor, async (incident, manager) => {
      task = await manager.save(
        manager.create(PartnerTask, {
          incidentId: incident.id,
          partnerKind: input.partnerKind,
          partnerName: input.partnerName.trim(),
          ownerId: input.ownerId?.trim() || actor.userId,
          request: input.request.trim(),
          dueAt: input.dueAt ?? new Date(now.getTime() + this.dueHours * HOUR_MS),
          status: PartnerTaskStatus.OPEN,
          answer: null,
          answeredAt: null,
          answeredBy: null,
          overdueAt: null,
          createdBy: actor.userId,
          createdAt: now,
        }),
      );
      return {
        action: IncidentAction.TASK_ASSIGNED,
        changes: { taskId: { to: task.id }, partnerKind: { to: task.partnerKind }, ownerId: { to: task.ownerId }, dueAt: { to: task.dueAt.toISOString() } },
      };
    });
    return task;
  }

  answer(input: RecordPartnerAnswerInput, actor: Identity): Promise<PartnerTask> {
    return this.settle(input.taskId, actor, PartnerTaskStatus.ANSWERED, input.answer);
  }

  cancel(input: CancelPartnerTaskInput, actor: Identity): Promise<PartnerTask> {
    return this.settle(input.taskId, actor, PartnerTaskStatus.CANCELLED, input.reason);
  }

  tasksOf(incidentId: string): Promise<PartnerTask[]> {
    return this.dataSource.getRepository(PartnerTask).find({ where: { incidentId }, order: { dueAt: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  /** Open tasks past their due time, the longest overdue first. */
  overdue(args: OverduePartnerTasksArgs): Promise<Connection<PartnerTask>> {
    const query = this.dataSource
      .getRepository(PartnerTask)
      .createQueryBuilder('task')
      .where('task.status = :open', { open: PartnerTaskStatus.OPEN })
      .andWhere('task.dueAt <= :now', { now: this.clock.now() });
    if (args.ownerId) query.andWhere('task.ownerId = :ownerId', { ownerId: args.ownerId });
    return paginate(query, args, { sortKey: 'dueAt', direction: 'ASC' });
  }

  private async settle(taskId: string, actor: Identity, status: PartnerTaskStatus, words: string): Promise<PartnerTask> {
    const found = isUuid(taskId) ? await this.dataSource.getRepository(PartnerTask).findOneBy({ id: taskId }) : null;
    if (!found) throw new NotFoundError('PartnerTask', taskId);
    let task = found;
    await this.steps.take(found.incidentId, INCIDENT_STEPS.note, actor, async (_incident, manager, now) => {
      task = await manager.findOneOrFail(PartnerTask, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (task.status !== PartnerTaskStatus.OPEN) throw new ConflictError(`Partner task ${task.id} is ${task.status}`, { currentStatus: task.status, allowedNext: [] });
      task.status = status;
      if (status === PartnerTaskStatus.ANSWERED) Object.assign(task, { answer: words.trim(), answeredAt: now, answeredBy: actor.userId });
      task = await manager.save(task);
      return {
        action: status === PartnerTaskStatus.ANSWERED ? IncidentAction.TASK_ANSWERED : IncidentAction.NOTE_ADDED,
        note: status === PartnerTaskStatus.CANCELLED ? words : null,
        changes: { taskId: { to: task.id }, taskStatus: { from: PartnerTaskStatus.OPEN, to: status }, late: { to: now > task.dueAt } },
      };
    });
    return task;
  }
}
