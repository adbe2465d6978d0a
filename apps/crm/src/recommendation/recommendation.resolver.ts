import { Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import type { NeedsAnalysis } from './needs-analysis';
import { TravelProposal } from './travel-proposal';

@Resolver(() => Customer)
export class CustomerRecommendationsResolver {
  constructor(private readonly needsAnalysis: NeedsAnalysis) {}

  @Authorized('agent', 'crm_manager', 'after_sales')
  @FieldResolver(() => [TravelProposal], { description: 'Rule-based travel proposals from preferences, history and tier, each with its reason (T-2.2).' })
  recommendations(@Root() customer: Customer): Promise<TravelProposal[]> {
    return this.needsAnalysis.proposalsFor(customer);
  }
}
