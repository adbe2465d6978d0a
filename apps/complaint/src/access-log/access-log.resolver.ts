import { type PersonalDataAccess, PersonalDataAccessArgs, PersonalDataAccessConnection, type PersonalDataAccessLog } from '@carebridge/personal-data-access';
import type { Connection } from '@carebridge/service-kit';
import { Args, Authorized, Query, Resolver } from 'type-graphql';

/** The complaint service's personal-data access log, for admins (the entry type is shared with crm and after-sales). */
@Resolver()
export class ComplaintAccessLogResolver {
  constructor(private readonly accessLog: PersonalDataAccessLog) {}

  @Authorized('admin')
  @Query(() => PersonalDataAccessConnection, { description: 'Who read which customer’s unmasked personal data in complaints (feedback addresses), newest first (A-5.3).' })
  complaintPersonalDataAccessLog(@Args() args: PersonalDataAccessArgs): Promise<Connection<PersonalDataAccess>> {
    return this.accessLog.list(args.filter ?? {}, args);
  }
}
