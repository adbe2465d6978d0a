import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { ResolveComplaintInput } from '../complaint/complaint.inputs';
import { CompensationItem } from './compensation-item.entity';
import { DecideCompensationInput, PlanComplaintResolutionInput } from './compensation.inputs';
import type { ResolutionService } from './resolution.service';

@Resolver(() => Complaint)
export class ResolutionResolver {
  constructor(private readonly resolutionService: ResolutionService) {}

  @Authorized('complaint_specialist', 'supervisor')
  @Mutation(() => Complaint, { description: 'Sets the explanation and compensation offered (T-3.3, T-1.5); replaces items not yet granted.' })
  planComplaintResolution(@Arg('input') input: PlanComplaintResolutionInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.resolutionService.planResolution(input, caller(context));
  }

  @Authorized('supervisor')
  @Mutation(() => CompensationItem, { description: 'Approves or rejects a compensation item above the approval threshold (supervisors).' })
  decideCompensation(@Arg('input') input: DecideCompensationInput, @Ctx() context: RequestContext): Promise<CompensationItem> {
    return this.resolutionService.decide(input, caller(context));
  }

  @Authorized('complaint_specialist', 'supervisor')
  @Mutation(() => Complaint, { description: 'Resolves the complaint with its plan; grants the approved compensation.' })
  resolveComplaint(@Arg('input') input: ResolveComplaintInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.resolutionService.resolve(input, caller(context));
  }

  @FieldResolver(() => [CompensationItem], { description: 'Compensation proposed, approved, withdrawn and granted, oldest first.' })
  compensation(@Root() complaint: Complaint): Promise<CompensationItem[]> {
    return this.resolutionService.compensationOf(complaint.id);
  }
}
