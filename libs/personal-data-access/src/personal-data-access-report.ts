import { type Connection, entityReference, type EntityReference, PageArgs } from '@carebridge/service-kit';
import { BadUserInputError } from '@carebridge/domain';
import { Arg, Args, Authorized, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { AccessLogFilter, PersonalDataAccessLog } from './personal-data-access-log';
import type { PersonalDataAccess } from './personal-data-access.entity';
import { PersonalDataAccessConnection, PersonalDataAccessFilter } from './personal-data-access.graphql';

/**
 * One federated query over every service's personal-data access log. Each service keeps
 * its log in its own database; an admin asks once:
 *
 *   personalDataAccessReport(filter: { customerId: "…" }) { crm { … } complaint { … } inquiry { … } … }
 *
 * `PersonalDataAccessReport` is an entity keyed by the filter itself (`id` is the filter, encoded):
 * crm answers the query with the key, and the gateway asks every other service for its section with
 * that key, in parallel, as for any entity. No service reads another's table, a service that is
 * down costs only its section (each is nullable), and adding a service is one section of its own.
 */
export interface PersonalDataAccessReportKey {
  id: string;
}

/** The filter as the report's key: stable JSON of the set criteria, dates as ISO strings. */
export function reportKey(filter: AccessLogFilter = {}): string {
  return JSON.stringify({
    customerId: filter.customerId ?? null,
    accessedBy: filter.accessedBy ?? null,
    from: filter.from?.toISOString() ?? null,
    to: filter.to?.toISOString() ?? null,
  });
}

/** The filter a key stands for; a key not made by `reportKey` (hand-written representations) is refused. */
export function filterOfReport(id: string): AccessLogFilter {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(id);
  } catch {
    throw BadUserInputError.field('id', 'report-key', 'must be the id of a personalDataAccessReport');
  }
  const text = (key: string) => (typeof parsed[key] === 'string' ? (parsed[key] as string) : undefined);
  const time = (key: string) => {
    const value = text(key);
    if (value === undefined) return undefined;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw BadUserInputError.field('id', 'report-key', 'must be the id of a personalDataAccessReport');
    return date;
  };
  return { customerId: text('customerId'), accessedBy: text('accessedBy'), from: time('from'), to: time('to') };
}

/**
 * The report's entity stub, one class per subgraph, made once at module level (type-graphql adds a
 * resolver's fields to the class it resolves, as with customerReferenceType). A service contributes
 * with three lines:
 *
 *   export const PersonalDataAccessReport = personalDataAccessReportType();
 *   export const ComplaintAccessSection = personalDataAccessSection(PersonalDataAccessReport, 'complaint', 'complaint');
 *   resolvers: new ComplaintAccessSection(accessLog); references: { PersonalDataAccessReport: personalDataAccessReportReference }
 */
export function personalDataAccessReportType(): new () => PersonalDataAccessReportKey {
  @Directive('@key(fields: "id")')
  @ObjectType('PersonalDataAccessReport', { description: 'Who read unmasked personal data, from every service’s access log, one section per service (A-5.3).' })
  class PersonalDataAccessReportStub implements PersonalDataAccessReportKey {
    @Field(() => ID, { description: 'The filter the report is for (an opaque key).' })
    id: string;
  }
  return PersonalDataAccessReportStub;
}

/**
 * A service's section of the report: its own log, filtered by the report's key, newest first; for
 * admins only. `section` is the field's name (`complaint`, `afterSales`).
 */
export function personalDataAccessSection(Report: new () => PersonalDataAccessReportKey, section: string, service: string) {
  @Resolver(() => Report)
  class PersonalDataAccessSectionResolver {
    constructor(readonly accessLog: PersonalDataAccessLog) {}

    @Authorized('admin')
    @FieldResolver(() => PersonalDataAccessConnection, { name: section, nullable: true, description: `The reads recorded by the ${service} service, newest first.` })
    section(@Root() report: PersonalDataAccessReportKey, @Args() page: PageArgs): Promise<Connection<PersonalDataAccess>> {
      return this.accessLog.list(filterOfReport(report.id), page);
    }
  }
  return PersonalDataAccessSectionResolver;
}

/** The report's root query, in the one service that owns it (crm). */
export function personalDataAccessReportQuery(Report: new () => PersonalDataAccessReportKey) {
  @Resolver(() => Report)
  class PersonalDataAccessReportQueryResolver {
    @Authorized('admin')
    @Query(() => Report, { description: 'Who read unmasked personal data in any service, one section per service, newest first in each (A-5.3).' })
    personalDataAccessReport(
      @Arg('filter', () => PersonalDataAccessFilter, { nullable: true, description: 'Only the reads of this customer, by this user or in this time range; null for all reads.' })
      filter?: PersonalDataAccessFilter,
    ): PersonalDataAccessReportKey {
      return { id: reportKey(filter ?? {}) };
    }
  }
  return PersonalDataAccessReportQueryResolver;
}

/** How the gateway reaches a service's section: the key is all there is. */
export const personalDataAccessReportReference: EntityReference<PersonalDataAccessReportKey> = entityReference(async (references: readonly PersonalDataAccessReportKey[]) =>
  references.map((reference) => ({ id: reference.id })),
);
