import { caller, type Connection, ConnectionType, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { INCIDENT_MANAGERS, INCIDENT_READERS } from '../incident-access';
import type { IncidentDisclosure } from '../incident-disclosure';
import { PartnerTask } from './partner-task.entity';
import { AssignPartnerTaskInput, CancelPartnerTaskInput, OverduePartnerTasksArgs, RecordPartnerAnswerInput } from './partner-task.inputs';
import type { PartnerTasks } from './partner-tasks';

export const PartnerTaskConnection = ConnectionType(PartnerTask);

@Resolver(() => PartnerTask)
export class PartnerTaskResolver {
  constructor(
    private readonly tasks: PartnerTasks,
    private readonly disclosure: IncidentDisclosure,
  ) {}

  @Authorized(...INCIDENT_READERS)
  @Query(() => PartnerTaskConnection, { description: 'Open partner tasks past their due time, the longest overdue first.' })
  overduePartnerTasks(@Args() args: OverduePartnerTasksArgs): Promise<Connection<PartnerTask>> {
    return this.tasks.overdue(args);
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => PartnerTask, { description: 'Asks a department or partner (hotel, ground handler, courier, insurer) to act by a due time.' })
  assignPartnerTask(@Arg('input') input: AssignPartnerTaskInput, @Ctx() context: RequestContext): Promise<PartnerTask> {
    return this.tasks.assign(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => PartnerTask, { description: 'Records the partner’s answer on the task.' })
  recordPartnerAnswer(@Arg('input') input: RecordPartnerAnswerInput, @Ctx() context: RequestContext): Promise<PartnerTask> {
    return this.tasks.answer(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => PartnerTask)
  cancelPartnerTask(@Arg('input') input: CancelPartnerTaskInput, @Ctx() context: RequestContext): Promise<PartnerTask> {
    return this.tasks.cancel(input, caller(context));
  }

  @FieldResolver(() => String, { description: 'What is asked; masked for trainers and analysts.' })
  request(@Root() task: PartnerTask, @Ctx() context: RequestContext): Promise<string> {
    return this.disclosure.personal(context, task.incidentId, 'partnerTask.request', task.request);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The partner’s answer; masked for trainers and analysts.' })
  answer(@Root() task: PartnerTask, @Ctx() context: RequestContext): Promise<string | null> {
    return this.disclosure.personal(context, task.incidentId, 'partnerTask.answer', task.answer);
  }
}
