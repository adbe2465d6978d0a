import { caller, type Connection, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CustomerReference } from '../references/customer.reference';
import { CareContact, CareContactConnection } from './care-contact.entity';
import type { CareContacts } from './care-contacts';
import { CareRule } from './care-rule.entity';
import { CareContactsArgs, CompleteCareContactInput, SetCareRuleInput } from './care.inputs';

@Resolver(() => CareContact)
export class CareResolver {
  constructor(private readonly care: CareContacts) {}

  @Authorized('after_sales')
  @Query(() => [CareRule], { description: 'The rules of regular care (T-4.4).' })
  careRules(): Promise<CareRule[]> {
    return this.care.rules();
  }

  @Authorized('after_sales')
  @Query(() => CareContactConnection, { description: 'Care contacts to make, soonest due first.' })
  careContacts(@Args() args: CareContactsArgs): Promise<Connection<CareContact>> {
    return this.care.list(args);
  }

  @Authorized('after_sales')
  @Mutation(() => CareRule, { description: 'Changes a care rule.' })
  setCareRule(@Arg('input') input: SetCareRuleInput, @Ctx() context: RequestContext): Promise<CareRule> {
    return this.care.setRule(input, caller(context));
  }

  @Authorized('after_sales')
  @Mutation(() => CareContact, { description: 'Marks a care contact as made.' })
  completeCareContact(@Arg('input') input: CompleteCareContactInput, @Ctx() context: RequestContext): Promise<CareContact> {
    return this.care.complete(input, caller(context));
  }

  @FieldResolver(() => CustomerReference, { nullable: true, description: 'The customer (resolved by crm).' })
  customer(@Root() contact: CareContact): CustomerReference {
    return { id: contact.customerId };
  }
}
