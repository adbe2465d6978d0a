import { Arg, Authorized, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ComplaintHandler } from './complaint-handler.entity';
import { SetComplaintHandlerInput } from './complaint-handler.inputs';
import type { ComplaintHandlerRoster } from './complaint-handler-roster';

@ObjectType('ComplaintHandlerLoad', { description: 'A complaint handler and how many complaints they have open.' })
class HandlerLoad {
  @Field(() => ComplaintHandler)
  handler: ComplaintHandler;

  @Field(() => Int)
  openComplaints: number;
}

@Resolver(() => ComplaintHandler)
export class ComplaintHandlerResolver {
  constructor(private readonly roster: ComplaintHandlerRoster) {}

  @Authorized('complaint_specialist', 'supervisor', 'analyst')
  @Query(() => [HandlerLoad], { description: 'The roster of complaint handlers with their open complaints.' })
  complaintHandlers(): Promise<HandlerLoad[]> {
    return this.roster.list();
  }

  @Authorized('supervisor')
  @Mutation(() => ComplaintHandler, { description: 'Adds a complaint specialist to the roster, or changes one (supervisors).' })
  setComplaintHandler(@Arg('input') input: SetComplaintHandlerInput): Promise<ComplaintHandler> {
    return this.roster.set(input);
  }
}
