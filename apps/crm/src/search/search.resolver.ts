import type { RequestContext, SearchResultsKey } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { seesContactDetails } from '../access-log/access-log';
import type { CustomerSearch } from './customer-search';
import { SearchResults } from './search-results';
import { CustomerSearchHit } from './search.types';

/** The customers' section of the one search; every staff role that reads customers may search them. */
@Resolver(() => SearchResults)
export class CustomerSearchResolver {
  constructor(private readonly search: CustomerSearch) {}

  @Authorized()
  @FieldResolver(() => [CustomerSearchHit], {
    description: 'Live customers by name (any case, spacing, word order, Chinese or Latin script), e-mail or phone in any format (e-mail and phone only for roles that see contact details); best first.',
  })
  customers(
    @Root() results: SearchResultsKey,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many, 1 to 50.' }) first: number,
    @Ctx() context: RequestContext,
  ): Promise<CustomerSearchHit[]> {
    return this.search.find(results.id, first, seesContactDetails(context));
  }
}
