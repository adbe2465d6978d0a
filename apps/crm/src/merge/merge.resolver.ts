import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import { CustomerMerge, DuplicateCandidate } from './customer-merge.entity';
import { MergeCustomersInput } from './merge.inputs';
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
  @FieldResolver(() => [DuplicateCandidate], { description: 'Active profiles that may be the same person: same e-mail, same phone or a very similar name.' })
  possibleDuplicates(@Root() customer: Customer): Promise<DuplicateCandidate[]> {
    return this.merges.duplicateDetection.duplicatesOf(customer.id);
  }

  @Authorized()
  @FieldResolver(() => [CustomerMerge], { description: 'Duplicates merged into this profile.' })
  mergedProfiles(@Root() customer: Customer): Promise<CustomerMerge[]> {
    return this.merges.profileMerge.mergesInto(customer.id);
  }

  @Authorized('crm_manager')
  @Mutation(() => Customer, { description: 'Merges a duplicate into the surviving profile, keeping all history; other services re-point on customer.merged.' })
  mergeCustomers(@Arg('input') input: MergeCustomersInput, @Ctx() context: RequestContext): Promise<Customer> {
    return this.merges.profileMerge.merge(input, caller(context));
  }
}
