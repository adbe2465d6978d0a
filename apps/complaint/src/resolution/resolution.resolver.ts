import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { ResolveComplaintInput } from '../complaint/complaint.inputs';
import type { CompensationApproval } from './compensation-approval';
import { CompensationItem } from './compensation-item.entity';
import type { CompensationQueries } from './compensation-queries';
import type { ComplaintResolution } from './complaint-resolution';
import { DecideCompensationInput, PlanComplaintResolutionInput } from './compensation.inputs';
import type { ResolutionPlanning } from './resolution-planning';

/** The use cases of a complaint's resolution. */
export interface ResolutionUseCases {
  resolutionPlanning: ResolutionPlanning;
  compensationApproval: CompensationApproval;
  resolution: ComplaintResolution;
  compensation: CompensationQueries;
}

@Resolver(() => Complaint)
export class ResolutionResolver {
  constructor(private readonly useCases: ResolutionUseCases) {}

  @Authorized('complaint_specialist', 'supervisor')
  @Mutation(() => Complaint, { description: 'Sets the explanation and compensation offered (T-3.3, T-1.5); replaces items not yet granted.' })
  planComplaintResolution(@Arg('input') input: PlanComplaintResolutionInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.useCases.resolutionPlanning.planResolution(input, caller(context));
  }

  @Authorized('supervisor')
  @Mutation(() => CompensationItem, { description: 'Approves or rejects a compensation item above the approval threshold (supervisors).' })
  decideCompensation(@Arg('input') input: DecideCompensationInput, @Ctx() context: RequestContext): Promise<CompensationItem> {
    return this.useCases.compensationApproval.decide(input, caller(context));
  }

  @Authorized('complaint_specialist', 'supervisor')
  @Mutation(() => Complaint, { description: 'Resolves the complaint with its plan; grants the approved compensation.' })
  resolveComplaint(@Arg('input') input: ResolveComplaintInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.useCases.resolution.resolve(input, caller(context));
  }

  @FieldResolver(() => [CompensationItem], { description: 'Compensation proposed, approved, withdrawn and granted, oldest first.' })
  compensation(@Root() complaint: Complaint): Promise<CompensationItem[]> {
    return this.useCases.compensation.compensationOf(complaint.id);
  }
}
