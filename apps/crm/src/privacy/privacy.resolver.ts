import { caller, type Connection, ConnectionType, type RequestContext } from '@carebridge/service-kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import type { AccessLog } from './access-log';
import { PersonalDataAccess } from './personal-data-access.entity';
import { EraseCustomerInput, PersonalDataAccessArgs } from './privacy.inputs';
import type { PrivacyService } from './privacy.service';

const PersonalDataAccessConnection = ConnectionType(PersonalDataAccess);

@ObjectType({ description: 'Everything crm holds about a customer, as one JSON document (right of access).' })
export class CustomerDataExport {
  @Field(() => ID)
  customerId: string;

  @Field(() => GraphQLJSONObject)
  document: Record<string, unknown>;
}

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly privacyService: PrivacyService,
    private readonly accessLog: AccessLog,
  ) {}

  @Authorized('admin', 'crm_manager')
  @Query(() => CustomerDataExport, { description: "Exports all crm data about a customer (the export itself goes on the access log)." })
  async customerDataExport(@Arg('customerId', () => ID) customerId: string, @Ctx() context: RequestContext): Promise<CustomerDataExport> {
    return { customerId, document: await this.privacyService.export(customerId, context) };
  }

  @Authorized('admin')
  @Mutation(() => Customer, { description: 'Anonymises the customer (and profiles merged into them) and emits customer.erased.' })
  eraseCustomer(@Arg('input') input: EraseCustomerInput, @Ctx() context: RequestContext): Promise<Customer> {
    return this.privacyService.erase(input, caller(context));
  }

  @Authorized('admin')
  @Query(() => PersonalDataAccessConnection, { description: 'Who read which customer’s unmasked personal data, newest first (A-5.3).' })
  personalDataAccessLog(@Args() args: PersonalDataAccessArgs): Promise<Connection<PersonalDataAccess>> {
    return this.accessLog.list(args.filter ?? {}, args);
  }
}
