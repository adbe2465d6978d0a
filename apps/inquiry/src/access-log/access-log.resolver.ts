import { type PersonalDataAccess, PersonalDataAccessArgs, PersonalDataAccessConnection, type PersonalDataAccessLog } from '@carebridge/personal-data-access';
import type { Connection } from '@carebridge/service-kit';
import { Args, Authorized, Query, Resolver } from 'type-graphql';

/** inquiry's personal-data access log, for admins (crm's is `personalDataAccessLog`; the entry type is shared). */
@Resolver()
export class InquiryAccessLogResolver {
  constructor(private readonly accessLog: PersonalDataAccessLog) {}

  @Authorized('admin')
  @Query(() => PersonalDataAccessConnection, {
    description: "Who read the contact details customers gave on inquiries unmasked, newest first (A-5.3); an inquiry without a linked customer is logged under the inquiry's id.",
  })
  inquiryPersonalDataAccessLog(@Args() args: PersonalDataAccessArgs): Promise<Connection<PersonalDataAccess>> {
    return this.accessLog.list(args.filter ?? {}, args);
  }
}
