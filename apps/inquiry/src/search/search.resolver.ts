import { CONTACT_DETAIL_ROLES, hasAnyRole } from '@carebridge/auth';
import type { RequestContext, SearchResultsKey } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { InquirySearch } from './inquiry-search';
import { SearchResults } from './search-results';
import { InquirySearchHit } from './search.types';

/** The inquiries' section of the one search; every staff role that reads inquiries may search them. */
@Resolver(() => SearchResults)
export class InquirySearchResolver {
  constructor(private readonly search: InquirySearch) {}

  @Authorized()
  @FieldResolver(() => [InquirySearchHit], {
    description:
      'Inquiries by id, the registration number of their complaint, a booking reference (PNR) of their order changes, the contact’s name, e-mail or phone (e-mail and phone only for roles that see contact details), or words of the subject and conversation; best first.',
  })
  inquiries(
    @Root() results: SearchResultsKey,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many, 1 to 50.' }) first: number,
    @Ctx() context: RequestContext,
  ): Promise<InquirySearchHit[]> {
    return this.search.find(results.id, first, hasAnyRole(context.identity, CONTACT_DETAIL_ROLES));
  }
}
