import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import { CustomerMerge, CustomerMergePreview, DuplicateCandidate } from './customer-merge.entity';
import { CustomerMergePreviewArgs, MergeCustomersInput } from './merge.inputs';
import type { DuplicateDetection } from './duplicate-detection';
import type { ProfileMerge } from './profile-merge';

/** The merge use cases the resolver calls. */
export interface MergeUseCases {
  duplicateDetection: DuplicateDetection;
  profileMerge: ProfileMerge;
}

@Resolver(() => Customer)
export class CustomerMergeResolver {
  constructor(private readonly merges: MergeUseCases) {}

  @Authorized('agent', 'crm_manager', 'complaint_specialist', 'after_sales')
  @FieldResolver(() => [DuplicateCandidate], { description: 'Active profiles that may be the same person: same e-mail, same phone (in any format), the same mailbox name elsewhere, or a similar name (also in pinyin, accents and word order aside).' })
  possibleDuplicates(@Root() customer: Customer): Promise<DuplicateCandidate[]> {
    return this.merges.duplicateDetection.duplicatesOf(customer.id);
  }

  @Authorized()
  @FieldResolver(() => [CustomerMerge], { description: 'Duplicates merged into this profile.' })
  mergedProfiles(@Root() customer: Customer): Promise<CustomerMerge[]> {
    return this.merges.profileMerge.mergesInto(customer.id);
  }

  @Authorized('crm_manager')
  @Query(() => CustomerMergePreview, { description: 'What merging the duplicate into the survivor would move, before anything is changed.' })
  customerMergePreview(@Args() args: CustomerMergePreviewArgs): Promise<CustomerMergePreview> {
    return this.merges.profileMerge.preview(args.survivorId, args.duplicateId);
  }

  @Authorized('crm_manager')
  @Mutation(() => Customer, { description: "Merges a duplicate into the surviving profile, keeping all history and the name and primary contacts chosen (input.keep); other services re-point on customer.merged." })
  mergeCustomers(@Arg('input') input: MergeCustomersInput, @Ctx() context: RequestContext): Promise<Customer> {
    return this.merges.profileMerge.merge(input, caller(context));
  }
}
