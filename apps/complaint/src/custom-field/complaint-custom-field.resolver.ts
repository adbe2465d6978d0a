import { CustomFieldDefinition, CustomFieldValue, customFieldValues, DefineCustomFieldInput } from '@carebridge/help-desk';
import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintCategory } from '../complaint/complaint.enums';
import type { ComplaintCustomFields } from './complaint-custom-fields';
import { SetComplaintCustomFieldsInput } from './complaint-custom-field.inputs';

@Resolver(() => Complaint)
export class ComplaintCustomFieldResolver {
  constructor(private readonly complaintFields: ComplaintCustomFields) {}

  @Authorized()
  @Query(() => [CustomFieldDefinition], { description: 'The custom fields admins defined for complaints, of one category or all, by key.' })
  complaintCustomFields(
    @Arg('category', () => ComplaintCategory, { nullable: true, description: 'Only the fields complaints of this category carry.' }) category?: ComplaintCategory | null,
  ): Promise<CustomFieldDefinition[]> {
    return this.complaintFields.definitions(category);
  }

  @Authorized('admin')
  @Mutation(() => CustomFieldDefinition, { description: 'Defines a custom field of complaints (admins): its key, label, kind and the categories that carry it.' })
  defineComplaintCustomField(@Arg('input', { description: 'The field to define.' }) input: DefineCustomFieldInput, @Ctx() context: RequestContext): Promise<CustomFieldDefinition> {
    return this.complaintFields.fields.define(input, caller(context));
  }

  @Authorized('agent', 'after_sales', 'complaint_specialist', 'supervisor')
  @Mutation(() => Complaint, { description: "Sets values of a complaint's custom fields, each checked against its definition; the timeline records the change." })
  setComplaintCustomFields(@Arg('input', { description: 'The complaint and the values to set.' }) input: SetComplaintCustomFieldsInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return this.complaintFields.set(input, caller(context));
  }

  @FieldResolver(() => [CustomFieldValue], { description: 'The values of its custom fields, by key.' })
  customFields(@Root() complaint: Complaint): CustomFieldValue[] {
    return customFieldValues(complaint.customFields);
  }
}
