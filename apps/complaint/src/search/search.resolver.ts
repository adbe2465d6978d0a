import type { SearchResultsKey } from '@carebridge/service-kit';
import { Arg, Authorized, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ComplaintSearch } from './complaint-search';
import { SearchResults } from './search-results';
import { ComplaintSearchHit } from './search.types';

/** The complaints' section of the one search; every staff role that reads complaints may search them. */
@Resolver(() => SearchResults)
export class ComplaintSearchResolver {
  constructor(private readonly search: ComplaintSearch) {}

  @Authorized()
  @FieldResolver(() => [ComplaintSearchHit], { description: 'Complaints by registration number, booking reference (PNR), flight number, or words of the description, place and conversation; best first.' })
  complaints(@Root() results: SearchResultsKey, @Arg('first', () => Int, { defaultValue: 10, description: 'How many, 1 to 50.' }) first: number): Promise<ComplaintSearchHit[]> {
    return this.search.find(results.id, first);
  }
}
