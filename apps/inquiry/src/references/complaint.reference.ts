import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The complaint service's Complaint; the inquiry service only knows its id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Complaint')
export class ComplaintReference {
  @Field(() => ID)
  id: string;
}
