import type { Identity } from '@carebridge/auth';
import { type PersonalDataAccessLog, RequestBatch } from '@carebridge/personal-data-access';
import type { RequestContext } from '@carebridge/service-kit';
import { type DataSource, In } from 'typeorm';
import { disclose } from '../access-log/disclosure';
import { MASKED, seesIncidentPersonalData } from './incident-access';
import { Incident } from './incident.entity';

/**
 * What passengers and partners wrote, places and addresses of an incident, for the roles that see
 * them, each read on record in the access log under the incident's customer; `***` for the others,
 * unlogged. Cases, timeline entries, baggage files, deliveries and partner tasks all carry their
 * incident's id: whose data it is is looked up once per request for all of them.
 */
export class IncidentDisclosure {
  private readonly customers: RequestBatch<string, string | null>;

  constructor(
    dataSource: DataSource,
    private readonly accessLog: PersonalDataAccessLog,
  ) {
    this.customers = new RequestBatch(async (ids) => {
      const rows = await dataSource.getRepository(Incident).find({ select: { id: true, customerId: true }, where: { id: In([...ids]) } });
      return new Map(rows.map((row) => [row.id, row.customerId]));
    });
  }

  /** The text, recorded as `field` read of the incident's customer, for roles that need it; `***` for the others (null stays null). */
  personal(context: RequestContext, incidentId: string, field: string, text: string): Promise<string>;
  personal(context: RequestContext, incidentId: string, field: string, text: string | null): Promise<string | null>;
  async personal(context: RequestContext, incidentId: string, field: string, text: string | null): Promise<string | null> {
    if (text === null) return null;
    if (!seesIncidentPersonalData(context.identity as Identity | undefined)) return MASKED;
    if (text === '') return text;
    return disclose(this.accessLog, context, await this.customers.load(context, incidentId), field, text);
  }
}
