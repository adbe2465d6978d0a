import { type PersonalDataAccess, PersonalDataAccessArgs, PersonalDataAccessConnection, type PersonalDataAccessLog } from '@carebridge/personal-data-access';
import type { Connection } from '@carebridge/service-kit';
import { Args, Authorized, Query, Resolver } from 'type-graphql';

/** after-sales' personal-data access log, for admins (crm's is `personalDataAccessLog`; the entry type is shared). */
@Resolver()
export class AfterSalesAccessLogResolver {
  constructor(private readonly accessLog: PersonalDataAccessLog) {}

  @Authorized('admin')
  @Query(() => PersonalDataAccessConnection, { description: 'Who read which customer’s unmasked personal data in after-sales (trips, surveys, documents, incidents), newest first (A-5.3).' })
  afterSalesPersonalDataAccessLog(@Args() args: PersonalDataAccessArgs): Promise<Connection<PersonalDataAccess>> {
    return this.accessLog.list(args.filter ?? {}, args);
  }
}
