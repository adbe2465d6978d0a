import { caller, groupedBy, type RequestContext, RequestLoader } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { MergeComplaintsInput } from './complaint-merge.inputs';
import type { ComplaintMerging } from './complaint-merging';

@Resolver(() => Complaint)
export class ComplaintMergeResolver {
  private readonly merged = new RequestLoader(async (ids: readonly string[]) => groupedBy(ids, (await this.merging.mergedInto(ids)) as (Complaint & { mergedIntoId: string })[], 'mergedIntoId'));

  constructor(private readonly merging: ComplaintMerging) {}

  @Authorized('complaint_specialist', 'supervisor')
  @Mutation(() => Complaint, { description: 'Merges a duplicate complaint into another of the same customer; returns the one that goes on. Both keep their history.' })
  mergeComplaints(@Arg('input', { description: 'The duplicate, the complaint it is merged into, and why.' }) input: MergeComplaintsInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.merging.merge(input, caller(context));
  }

  // A list field's own query, for the one complaint being registered or opened, not for pages of lists.
  @FieldResolver(() => [Complaint], { description: 'Open complaints of the same customer about the same booking or of the same category: possible duplicates to merge.' })
  possibleDuplicates(@Root() complaint: Complaint): Promise<Complaint[]> {
    return this.merging.possibleDuplicates(complaint);
  }

  @FieldResolver(() => [Complaint], { description: 'Duplicates merged into this complaint, with their own history.' })
  mergedComplaints(@Root() complaint: Complaint, @Ctx() context: RequestContext): Promise<Complaint[]> {
    return this.merged.load(context, complaint.id);
  }
}
