import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The complaint service's Complaint, referred to by id from a figure's drill-down. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Complaint')
export class ComplaintReference {
  @Field(() => ID)
  id: string;
}
