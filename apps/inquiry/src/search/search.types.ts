import { SearchHighlight, SearchMatch } from '@carebridge/service-kit';
import { Field, Float, ObjectType } from 'type-graphql';
import { Inquiry } from '../inquiry/inquiry.entity';

@ObjectType({ description: 'An inquiry a search found, with how well and where it matched.' })
export class InquirySearchHit {
  @Field(() => Inquiry, { description: 'The inquiry; its contact details are masked for roles without need, as everywhere.' })
  inquiry: Inquiry;

  @Field(() => Float, { description: 'How well it matched, 0 to 1, on the same scale in every section of the search.' })
  score: number;

  @Field(() => SearchMatch, { description: 'How it matched: an identifier, the name, a contact detail, part of one, or words.' })
  match: SearchMatch;

  @Field(() => [SearchHighlight], { description: 'The fields that matched, with the matches marked; never the e-mail address or phone number.' })
  highlights: SearchHighlight[];
}
