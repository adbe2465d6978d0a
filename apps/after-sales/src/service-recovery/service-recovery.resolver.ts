import { caller, type Connection, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CustomerReference } from '../references/customer.reference';
import type { ServiceRecovery } from './service-recovery';
import { ServiceRecoveryTask, ServiceRecoveryTaskConnection } from './service-recovery-task.entity';
import { EscalateServiceRecoveryInput, ResolveServiceRecoveryInput, ServiceRecoveryTasksArgs } from './service-recovery.inputs';

@Resolver(() => ServiceRecoveryTask)
export class ServiceRecoveryResolver {
  constructor(private readonly recovery: ServiceRecovery) {}

  @Authorized('after_sales')
  @Query(() => ServiceRecoveryTask, { nullable: true })
  serviceRecoveryTask(@Arg('id', () => ID) id: string): Promise<ServiceRecoveryTask | null> {
    return this.recovery.findById(id);
  }

  @Authorized('after_sales')
  @Query(() => ServiceRecoveryTaskConnection, { description: 'Service-recovery tasks by due time, soonest first; overdue ones are flagged.' })
  serviceRecoveryTasks(@Args() args: ServiceRecoveryTasksArgs): Promise<Connection<ServiceRecoveryTask>> {
    return this.recovery.list(args);
  }

  @Authorized('after_sales')
  @Mutation(() => ServiceRecoveryTask, { description: 'Turns an open service-recovery task into a complaint in one action, keeping the customer’s words (the complaint service registers it).' })
  escalateServiceRecovery(@Arg('input') input: EscalateServiceRecoveryInput, @Ctx() context: RequestContext): Promise<ServiceRecoveryTask> {
    return this.recovery.escalate(input, caller(context));
  }

  @Authorized('after_sales')
  @Mutation(() => ServiceRecoveryTask, { description: 'Closes an open service-recovery task without a complaint, with what was done.' })
  resolveServiceRecovery(@Arg('input') input: ResolveServiceRecoveryInput, @Ctx() context: RequestContext): Promise<ServiceRecoveryTask> {
    return this.recovery.resolve(input, caller(context));
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its due time.' })
  overdue(@Root() task: ServiceRecoveryTask): boolean {
    return this.recovery.isOverdue(task);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The customer’s "why" and comment from the survey.' })
  customerWords(@Root() task: ServiceRecoveryTask): string | null {
    return task.customerWords;
  }

  @FieldResolver(() => CustomerReference, { nullable: true, description: 'The customer (resolved by crm).' })
  customer(@Root() task: ServiceRecoveryTask): CustomerReference {
    return { id: task.customerId };
  }
}
