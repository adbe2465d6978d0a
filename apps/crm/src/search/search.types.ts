import { SearchHighlight, SearchMatch } from '@carebridge/service-kit';
import { Field, Float, ObjectType } from 'type-graphql';
import { Customer } from '../customer/customer.entity';

@ObjectType({ description: 'A customer a search found, with how well and where it matched.' })
export class CustomerSearchHit {
  @Field(() => Customer, { description: 'The profile; its contact details are masked for roles without need, as everywhere.' })
  customer: Customer;

  @Field(() => Float, { description: 'How well it matched, 0 to 1, on the same scale in every section of the search.' })
  score: number;

  @Field(() => SearchMatch, { description: 'How it matched: an identifier, the name, a contact detail, part of one, or words.' })
  match: SearchMatch;

  @Field(() => [SearchHighlight], { description: 'The name with the matches marked; contact details are never highlighted.' })
  highlights: SearchHighlight[];
}
