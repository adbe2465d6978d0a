import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The complaint service's Complaint, referenced by id: a QA review scores one. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Complaint')
export class ComplaintReference {
  @Field(() => ID)
  id: string;
}
