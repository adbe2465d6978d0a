import { CustomFieldDefinition, CustomFieldValue, customFieldValues, DefineCustomFieldInput } from '@carebridge/help-desk';
import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Inquiry } from '../inquiry/inquiry.entity';
import { InquiryCategory } from '../inquiry/inquiry.enums';
import type { InquiryCustomFields } from './inquiry-custom-fields';
import { SetInquiryCustomFieldsInput } from './inquiry-custom-field.inputs';

@Resolver(() => Inquiry)
export class InquiryCustomFieldResolver {
  constructor(private readonly inquiryFields: InquiryCustomFields) {}

  @Authorized()
  @Query(() => [CustomFieldDefinition], { description: 'The custom fields admins defined for inquiries, of one category or all, by key.' })
  inquiryCustomFields(
    @Arg('category', () => InquiryCategory, { nullable: true, description: 'Only the fields inquiries of this category carry.' }) category?: InquiryCategory | null,
  ): Promise<CustomFieldDefinition[]> {
    return this.inquiryFields.definitions(category);
  }

  @Authorized('admin')
  @Mutation(() => CustomFieldDefinition, { description: 'Defines a custom field of inquiries (admins): its key, label, kind and the categories that carry it.' })
  defineInquiryCustomField(@Arg('input', { description: 'The field to define.' }) input: DefineCustomFieldInput, @Ctx() context: RequestContext): Promise<CustomFieldDefinition> {
    return this.inquiryFields.fields.define(input, caller(context));
  }

  @Authorized('agent', 'supervisor', 'complaint_specialist')
  @Mutation(() => Inquiry, { description: "Sets values of an inquiry's custom fields, each checked against its definition; the history records the change." })
  setInquiryCustomFields(@Arg('input', { description: 'The inquiry and the values to set.' }) input: SetInquiryCustomFieldsInput, @Ctx() context: RequestContext): Promise<Inquiry> {
    return this.inquiryFields.set(input, caller(context));
  }

  @FieldResolver(() => [CustomFieldValue], { description: 'The values of its custom fields, by key.' })
  customFields(@Root() inquiry: Inquiry): CustomFieldValue[] {
    return customFieldValues(inquiry.customFields);
  }
}
