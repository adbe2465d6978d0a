import { SearchHighlight, SearchMatch } from '@carebridge/service-kit';
import { Field, Float, ObjectType } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';

@ObjectType({ description: 'A complaint a search found, with how well and where it matched.' })
export class ComplaintSearchHit {
  @Field(() => Complaint, { description: 'The complaint.' })
  complaint: Complaint;

  @Field(() => Float, { description: 'How well it matched, 0 to 1, on the same scale in every section of the search.' })
  score: number;

  @Field(() => SearchMatch, { description: 'How it matched: an identifier, the name, a contact detail, part of one, or words.' })
  match: SearchMatch;

  @Field(() => [SearchHighlight], { description: 'The fields that matched, with the matches marked.' })
  highlights: SearchHighlight[];
}
