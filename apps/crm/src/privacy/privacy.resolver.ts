import { DATA_EXPORT_ROLES } from '@carebridge/auth';
import { caller, type Connection, ConnectionType, type RequestContext } from '@carebridge/service-kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import type { AccessLog } from './access-log';
import { CustomerDataExport, CustomerDataExportPart, type CustomerDataExportWithParts, REQUIRES_PARTS } from './customer-data-export.entity';
import type { CustomerDataExportService } from './customer-data-export.service';
import { PersonalDataAccess } from './personal-data-access.entity';
import { CustomerDataExportsArgs, EraseCustomerInput, PersonalDataAccessArgs, RequestCustomerDataExportInput } from './privacy.inputs';
import type { PrivacyService } from './privacy.service';

const PersonalDataAccessConnection = ConnectionType(PersonalDataAccess);
const CustomerDataExportConnection = ConnectionType(CustomerDataExport);

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly privacyService: PrivacyService,
    private readonly accessLog: AccessLog,
  ) {}

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

@Resolver(() => CustomerDataExport)
export class CustomerDataExportResolver {
  constructor(private readonly exports: CustomerDataExportService) {}

  @Authorized(...DATA_EXPORT_ROLES)
  @Mutation(() => CustomerDataExport, {
    description: 'Starts an export of all data Carebridge holds about a customer (right of access): crm’s part at once, the other services’ parts as they answer.',
  })
  requestCustomerDataExport(@Arg('input') input: RequestCustomerDataExportInput, @Ctx() context: RequestContext): Promise<CustomerDataExport> {
    return this.exports.request(input, caller(context));
  }

  @Authorized(...DATA_EXPORT_ROLES)
  @Query(() => CustomerDataExport, { description: 'An export, with the status of each service’s part and, once there, the whole document.' })
  customerDataExport(@Arg('id', () => ID) id: string): Promise<CustomerDataExport> {
    return this.exports.getById(id);
  }

  @Authorized(...DATA_EXPORT_ROLES)
  @Query(() => CustomerDataExportConnection, { description: "A customer's exports, newest first." })
  customerDataExports(@Args() args: CustomerDataExportsArgs): Promise<Connection<CustomerDataExport>> {
    return this.exports.list(args.customerId, args);
  }

  @FieldResolver(() => [CustomerDataExportPart], { description: 'crm and every other service, with whether its part is prepared.' })
  parts(@Root() exportRequest: CustomerDataExport): CustomerDataExportPart[] {
    return this.exports.parts(exportRequest);
  }

  @Authorized(...DATA_EXPORT_ROLES)
  @Directive(REQUIRES_PARTS)
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description: 'All data Carebridge holds about the customer as one JSON document; `complete` is false while a part is missing. Null once expired. Each read goes on the access log.',
  })
  document(@Root() exportRequest: CustomerDataExportWithParts, @Ctx() context: RequestContext): Promise<Record<string, unknown> | null> {
    return this.exports.document(exportRequest, context);
  }
}
