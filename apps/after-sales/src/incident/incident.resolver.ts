import { caller, type Connection, ListArgs, listSize, type RequestContext } from '@carebridge/service-kit';
import { ForbiddenError } from '@carebridge/domain';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CustomerReference } from '../references/customer.reference';
import { BaggageFile } from './baggage/baggage-file.entity';
import type { BaggageFiles } from './baggage/baggage-files';
import { IncidentDeadline, IncidentEntitlement } from './entitlement/incident-entitlement.entity';
import type { IncidentEntitlements } from './entitlement/incident-entitlements';
import { INCIDENT_MANAGERS, INCIDENT_READERS, seesIncidentPersonalData } from './incident-access';
import type { IncidentDisclosure } from './incident-disclosure';
import type { IncidentCases } from './incident-cases';
import type { IncidentComplaint } from './incident-complaint';
import { INCIDENT_NEXT_STATUSES } from './incident-lifecycle';
import type { IncidentQueries } from './incident-queries';
import { EmergencyProcedure, IncidentPartner, IncidentStatus } from './incident.enums';
import { Incident, IncidentConnection, IncidentTimelineEntry } from './incident.entity';
import {
  AddIncidentNoteInput,
  AddIncidentPartnerInput,
  ComputeIncidentEntitlementsInput,
  IncidentsArgs,
  IncidentStepInput,
  OpenIncidentInput,
  RaiseComplaintForIncidentInput,
  ResolveIncidentInput,
} from './incident.inputs';
import type { IncidentSettings } from './incident.settings';
import { PartnerTask } from './partner-task/partner-task.entity';
import type { PartnerTasks } from './partner-task/partner-tasks';

@Resolver(() => Incident)
export class IncidentResolver {
  constructor(
    private readonly queries: IncidentQueries,
    private readonly cases: IncidentCases,
    private readonly entitlementDesk: IncidentEntitlements,
    private readonly complaint: IncidentComplaint,
    private readonly baggage: BaggageFiles,
    private readonly taskDesk: PartnerTasks,
    private readonly settings: IncidentSettings,
    private readonly disclosure: IncidentDisclosure,
  ) {}

  @Authorized(...INCIDENT_READERS)
  @Query(() => Incident, { nullable: true, description: 'One incident by its id.' })
  incident(@Arg('id', () => ID) id: string): Promise<Incident | null> {
    return this.queries.findById(id);
  }

  @Authorized(...INCIDENT_READERS)
  @Query(() => Incident, { nullable: true, description: 'One incident by its number, e.g. INC-2026-000123.' })
  incidentByNumber(@Arg('number') number: string): Promise<Incident | null> {
    return this.queries.findByNumber(number);
  }

  @Authorized(...INCIDENT_READERS)
  @Query(() => IncidentConnection, { description: 'Incidents, latest first.' })
  incidents(@Args() args: IncidentsArgs, @Ctx() context: RequestContext): Promise<Connection<Incident>> {
    if (args.filter?.customerId && !seesIncidentPersonalData(context.identity)) throw new ForbiddenError('Trainers and analysts see figures, not the incidents of one customer');
    return this.queries.list(args);
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => Incident, { description: 'Opens an incident case for a customer, on their trip and segment; publishes incident.opened.' })
  openIncident(@Arg('input') input: OpenIncidentInput, @Ctx() context: RequestContext): Promise<Incident> {
    return this.cases.open(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => Incident, { description: 'OPEN → IN_PROGRESS.' })
  startIncidentWork(@Arg('input') input: IncidentStepInput, @Ctx() context: RequestContext): Promise<Incident> {
    return this.cases.startWork(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => Incident, { description: 'Adds a note to the incident’s timeline.' })
  addIncidentNote(@Arg('input') input: AddIncidentNoteInput, @Ctx() context: RequestContext): Promise<Incident> {
    return this.cases.addNote(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => Incident, { description: 'Adds a partner involved in the incident.' })
  addIncidentPartner(@Arg('input') input: AddIncidentPartnerInput, @Ctx() context: RequestContext): Promise<Incident> {
    return this.cases.addPartner(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => Incident, { description: 'Resolves the incident; publishes incident.resolved.' })
  resolveIncident(@Arg('input') input: ResolveIncidentInput, @Ctx() context: RequestContext): Promise<Incident> {
    return this.cases.resolve(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => Incident, { description: 'RESOLVED → CLOSED.' })
  closeIncident(@Arg('input') input: IncidentStepInput, @Ctx() context: RequestContext): Promise<Incident> {
    return this.cases.close(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => Incident, { description: 'RESOLVED → IN_PROGRESS; the note says why.' })
  reopenIncident(@Arg('input') input: IncidentStepInput, @Ctx() context: RequestContext): Promise<Incident> {
    return this.cases.reopen(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => Incident, {
    description: 'Computes what the passenger is owed (EU261, UK261, Montreal, US DOT) from the incident’s flight segment and these facts; publishes entitlement.computed.',
  })
  computeIncidentEntitlements(@Arg('input') input: ComputeIncidentEntitlementsInput, @Ctx() context: RequestContext): Promise<Incident> {
    return this.entitlementDesk.compute(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => Incident, {
    description:
      'Registers a complaint for the in-trip problem: the complaint service registers it with the computed entitlements as proposed compensation, which then goes through its approval rule and crm’s ledger. Once per incident.',
  })
  raiseComplaintForIncident(@Arg('input') input: RaiseComplaintForIncidentInput, @Ctx() context: RequestContext): Promise<Incident> {
    return this.complaint.raise(input, caller(context));
  }

  // --- fields ----------------------------------------------------------------------------------

  @FieldResolver(() => CustomerReference, { nullable: true, description: 'The customer (resolved by crm); null for trainers and analysts.' })
  customer(@Root() incident: Incident, @Ctx() context: RequestContext): CustomerReference | null {
    return seesIncidentPersonalData(context.identity) ? { id: incident.customerId } : null;
  }

  @FieldResolver(() => String, { description: 'What happened; masked for trainers and analysts.' })
  description(@Root() incident: Incident, @Ctx() context: RequestContext): Promise<string> {
    return this.disclosure.personal(context, incident.id, 'incident.description', incident.description);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where it happened; masked for trainers and analysts.' })
  location(@Root() incident: Incident, @Ctx() context: RequestContext): Promise<string | null> {
    return this.disclosure.personal(context, incident.id, 'incident.location', incident.location);
  }

  @FieldResolver(() => String, { nullable: true, description: 'How it was resolved; masked for trainers and analysts.' })
  resolution(@Root() incident: Incident, @Ctx() context: RequestContext): Promise<string | null> {
    return this.disclosure.personal(context, incident.id, 'incident.resolution', incident.resolution);
  }

  @FieldResolver(() => [IncidentPartner])
  partners(@Root() incident: Incident): IncidentPartner[] {
    return incident.partners;
  }

  @FieldResolver(() => [IncidentStatus], { description: 'Where the status may go next.' })
  allowedNextStatuses(@Root() incident: Incident): IncidentStatus[] {
    return INCIDENT_NEXT_STATUSES[incident.status];
  }

  @FieldResolver(() => EmergencyProcedure, { nullable: true, description: 'EMERGENCY: the procedure to follow and the 24/7 duty contact.' })
  emergencyProcedure(@Root() incident: Incident): EmergencyProcedure | null {
    return incident.emergencyArticleId ? { articleId: incident.emergencyArticleId, dutyContact: this.settings.dutyContact } : null;
  }

  @FieldResolver(() => [IncidentTimelineEntry], { description: 'The incident’s timeline, oldest first (append-only); at most `first` of them (bounded list).' })
  timeline(@Root() incident: Incident, @Args() list: ListArgs): Promise<IncidentTimelineEntry[]> {
    return this.queries.timelineOf(incident.id, listSize(list));
  }

  @FieldResolver(() => [IncidentEntitlement], { description: 'What the passenger is owed, as last computed, each with its rule version, article and explanation.' })
  entitlements(@Root() incident: Incident): Promise<IncidentEntitlement[]> {
    return this.entitlementDesk.current(incident.id);
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: 'The last assessment in full: regimes found, rights considered and not granted, and why.' })
  entitlementAssessment(@Root() incident: Incident): Promise<Record<string, unknown> | null> {
    return this.entitlementDesk.latestAssessment(incident.id);
  }

  @FieldResolver(() => [IncidentDeadline], { description: 'Deadlines from the entitlements: the Montreal claim windows, refunds due; earliest first.' })
  deadlines(@Root() incident: Incident): Promise<IncidentDeadline[]> {
    return this.entitlementDesk.deadlines(incident.id);
  }

  @FieldResolver(() => BaggageFile, { nullable: true })
  baggageFile(@Root() incident: Incident): Promise<BaggageFile | null> {
    return this.baggage.fileOfIncident(incident.id);
  }

  @FieldResolver(() => [PartnerTask], { description: 'Coordination tasks with departments and partners.' })
  tasks(@Root() incident: Incident): Promise<PartnerTask[]> {
    return this.taskDesk.tasksOf(incident.id);
  }
}

@Resolver(() => IncidentTimelineEntry)
export class IncidentTimelineEntryResolver {
  constructor(private readonly disclosure: IncidentDisclosure) {}

  @FieldResolver(() => String, { nullable: true, description: 'The note; masked for trainers and analysts.' })
  note(@Root() entry: IncidentTimelineEntry, @Ctx() context: RequestContext): Promise<string | null> {
    return this.disclosure.personal(context, entry.incidentId, 'incident.timeline.note', entry.note);
  }
}
