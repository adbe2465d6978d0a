import { DATA_EXPORT_ROLES } from '@carebridge/auth';
import { PersonalDataAccessConnection } from '@carebridge/personal-data-access';
import { caller, type Connection, ConnectionType, type RequestContext } from '@carebridge/service-kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import type { AccessLog } from '../access-log/access-log';
import { PersonalDataAccess, PersonalDataAccessArgs } from '@carebridge/personal-data-access';
import type { CustomerErasure } from './customer-erasure';
import { CustomerDataExport, type CustomerDataExportWithParts } from './customer-data-export.entity';
import { CustomerDataExportPart } from './customer-data-export.enums';
import type { CustomerDataExportQueries } from './customer-data-export-queries';
import type { CustomerDataExportRequest } from './customer-data-export-request';
import { REQUIRES_PARTS } from './export-contributors';
import { CustomerDataExportsArgs, EraseCustomerInput, RequestCustomerDataExportInput } from './privacy.inputs';

/** The export use cases the resolver calls. */
export interface CustomerDataExportUseCases {
  request: CustomerDataExportRequest;
  queries: CustomerDataExportQueries;
}

const CustomerDataExportConnection = ConnectionType(CustomerDataExport);

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly erasure: CustomerErasure,
    private readonly accessLog: AccessLog,
  ) {}

  @Authorized('admin')
  @Mutation(() => Customer, { description: 'Anonymises the customer (and profiles merged into them) and emits customer.erased.' })
  eraseCustomer(@Arg('input') input: EraseCustomerInput, @Ctx() context: RequestContext): Promise<Customer> {
    return this.erasure.erase(input, caller(context));
  }

  @Authorized('admin')
  @Query(() => PersonalDataAccessConnection, { description: 'Who read which customer’s unmasked personal data, newest first (A-5.3).' })
  personalDataAccessLog(@Args() args: PersonalDataAccessArgs): Promise<Connection<PersonalDataAccess>> {
    return this.accessLog.list(args.filter ?? {}, args);
  }
}

@Resolver(() => CustomerDataExport)
export class CustomerDataExportResolver {
  constructor(private readonly exports: CustomerDataExportUseCases) {}

  @Authorized(...DATA_EXPORT_ROLES)
  @Mutation(() => CustomerDataExport, {
    description: 'Starts an export of all data Carebridge holds about a customer (right of access): crm’s part at once, the other services’ parts as they answer.',
  })
  requestCustomerDataExport(@Arg('input') input: RequestCustomerDataExportInput, @Ctx() context: RequestContext): Promise<CustomerDataExport> {
    return this.exports.request.start(input, caller(context));
  }

  @Authorized(...DATA_EXPORT_ROLES)
  @Query(() => CustomerDataExport, { description: 'An export, with the status of each service’s part and, once there, the whole document.' })
  customerDataExport(@Arg('id', () => ID) id: string): Promise<CustomerDataExport> {
    return this.exports.queries.getById(id);
  }

  @Authorized(...DATA_EXPORT_ROLES)
  @Query(() => CustomerDataExportConnection, { description: "A customer's exports, newest first." })
  customerDataExports(@Args() args: CustomerDataExportsArgs): Promise<Connection<CustomerDataExport>> {
    return this.exports.queries.list(args.customerId, args);
  }

  @FieldResolver(() => [CustomerDataExportPart], { description: 'crm and every other service, with whether its part is prepared.' })
  parts(@Root() exportRequest: CustomerDataExport): CustomerDataExportPart[] {
    return this.exports.queries.parts(exportRequest);
  }

  @Authorized(...DATA_EXPORT_ROLES)
  @Directive(REQUIRES_PARTS)
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description: 'All data Carebridge holds about the customer as one JSON document; `complete` is false while a part is missing. Null once expired. Each read goes on the access log.',
  })
  document(@Root() exportRequest: CustomerDataExportWithParts, @Ctx() context: RequestContext): Promise<Record<string, unknown> | null> {
    return this.exports.queries.document(exportRequest, context);
  }
}
