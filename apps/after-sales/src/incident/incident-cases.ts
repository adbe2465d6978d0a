import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ensureNotInFuture } from '@carebridge/domain';
import { incidentOpened, incidentResolved } from '@carebridge/event-contracts';
import type { CustomerRecords } from '@carebridge/known-customers';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { INCIDENT_STEPS } from './incident-lifecycle';
import type { IncidentCustomerTimeline } from './incident-customer-timeline';
import type { IncidentSteps } from './incident-steps';
import { incidentTimeline } from './incident-timeline';
import type { IncidentSegment, IncidentTrips } from './incident-trips';
import { categoryOf, IncidentAction, type IncidentCategory, type IncidentPartner, IncidentStatus } from './incident.enums';
import { Incident } from './incident.entity';
import type { AddIncidentNoteInput, AddIncidentPartnerInput, IncidentPartnerInput, IncidentStepInput, OpenIncidentInput, ResolveIncidentInput } from './incident.inputs';
import { type IncidentSettings, isEmergency } from './incident.settings';

/** The segment kinds each category may concern. */
const SEGMENT_KINDS: Record<IncidentCategory, readonly string[]> = {
  FLIGHT_DISRUPTION: ['FLIGHT'],
  BAGGAGE: ['FLIGHT'],
  ACCOMMODATION: ['HOTEL'],
  EMERGENCY: ['FLIGHT', 'HOTEL', 'TOUR', 'TRANSFER'],
};

/** The facts of an incident the incident.* events carry. */
export function incidentFacts(incident: Incident) {
  return {
    incidentId: incident.id,
    incidentNumber: incident.number,
    customerId: incident.customerId,
    tripId: incident.tripId,
    segmentId: incident.segmentId,
    type: incident.type,
    category: incident.category,
    severity: incident.severity,
  };
}

/**
 * Opening and running an in-trip incident case (T-1.4, T-4.3): opened for a known customer on their
 * trip and segment, numbered, announced (`incident.opened`, the customer's timeline), then worked,
 * resolved (`incident.resolved`), closed or reopened as incident-lifecycle.ts allows.
 */
export class IncidentCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerRecords,
    private readonly trips: IncidentTrips,
    private readonly steps: IncidentSteps,
    private readonly outbox: Outbox,
    private readonly timeline: IncidentCustomerTimeline,
    private readonly clock: Clock,
    private readonly settings: IncidentSettings,
  ) {}

  async open(input: OpenIncidentInput, actor: Identity): Promise<Incident> {
    const now = this.clock.now();
    if (input.occurredAt) ensureNotInFuture(input.occurredAt, now, 'input.occurredAt');
    const category = categoryOf(input.type);
    const { tripId, segment } = await this.placeOnTrip(input, category);
    if (input.emergencyArticleId && !isEmergency(input.type)) {
      throw BadUserInputError.field('input.emergencyArticleId', 'emergency-only', 'is only given for an emergency (medical, natural disaster, security)');
    }
    return this.dataSource.transaction(async (manager) => {
      const standing = await this.customers.standing(manager, input.customerId);
      if (standing.state !== 'KNOWN') {
        throw BadUserInputError.field('input.customerId', 'known-customer', standing.state === 'ERASED' ? `customer "${input.customerId}" was erased` : `no customer with id "${input.customerId}" is known`);
      }
      const incident = await manager.save(
        manager.create(Incident, {
          number: await nextIncidentNumber(manager, now),
          customerId: standing.id,
          tripId,
          segmentId: segment?.id ?? null,
          type: input.type,
          category,
          severity: input.severity,
          status: IncidentStatus.OPEN,
          reportedVia: input.reportedVia,
          description: input.description.trim(),
          location: input.location?.trim() || null,
          occurredAt: input.occurredAt ?? null,
          partners: (input.partners ?? []).map(partnerOf),
          disruption: null,
          emergencyArticleId: isEmergency(input.type) ? (input.emergencyArticleId ?? this.settings.emergencyArticles[input.type]) : null,
          openedBy: actor.userId,
          openedAt: now,
          updatedAt: now,
          resolvedAt: null,
          resolution: null,
          closedAt: null,
          complaintRaisedAt: null,
          anonymisedAt: null,
        }),
      );
      await incidentTimeline.record(manager, incident.id, {
        action: IncidentAction.OPENED,
        at: now,
        actor,
        changes: { type: { to: incident.type }, severity: { to: incident.severity }, tripId: { to: tripId }, segmentId: { to: incident.segmentId }, partners: { to: incident.partners.length } },
      });
      const eventId = await this.outbox.publish(manager, incidentOpened, {
        ...incidentFacts(incident),
        openedBy: actor.userId,
        openedAt: now.toISOString(),
        occurredAt: incident.occurredAt?.toISOString() ?? null,
      });
      await this.timeline.opened(manager, eventId, incident);
      return incident;
    });
  }

  startWork(input: IncidentStepInput, actor: Identity): Promise<Incident> {
    return this.steps.take(input.incidentId, INCIDENT_STEPS.startWork, actor, async () => ({ action: IncidentAction.WORK_STARTED, note: input.note }));
  }

  addNote(input: AddIncidentNoteInput, actor: Identity): Promise<Incident> {
    return this.steps.take(input.incidentId, INCIDENT_STEPS.note, actor, async () => ({ action: IncidentAction.NOTE_ADDED, note: input.note }));
  }

  addPartner(input: AddIncidentPartnerInput, actor: Identity): Promise<Incident> {
    return this.steps.take(input.incidentId, INCIDENT_STEPS.work, actor, async (incident) => {
      const partner = partnerOf(input.partner);
      incident.partners = [...incident.partners, partner];
      return { action: IncidentAction.PARTNER_ADDED, changes: { partner: { to: { kind: partner.kind } } } };
    });
  }

  resolve(input: ResolveIncidentInput, actor: Identity): Promise<Incident> {
    return this.dataSource.transaction((manager) =>
      this.steps.takeIn(manager, input.incidentId, INCIDENT_STEPS.resolve, actor, async (incident, m, now) => {
        incident.resolvedAt = now;
        incident.resolution = input.resolution.trim();
        const [{ open, computed }] = await m.query(
          `SELECT (SELECT count(*) FROM partner_task WHERE incident_id = $1 AND status = 'OPEN')::int AS open,
                  (SELECT count(*) FROM incident_entitlement WHERE incident_id = $1 AND superseded_at IS NULL)::int AS computed`,
          [incident.id],
        );
        const eventId = await this.outbox.publish(m, incidentResolved, {
          ...incidentFacts(incident),
          resolvedBy: actor.userId,
          resolvedAt: now.toISOString(),
          openTasks: open,
          entitlementsComputed: computed,
        });
        await this.timeline.resolved(m, eventId, incident);
        return { action: IncidentAction.RESOLVED, note: input.resolution, changes: { openTasks: { to: open } } };
      }),
    );
  }

  close(input: IncidentStepInput, actor: Identity): Promise<Incident> {
    return this.steps.take(input.incidentId, INCIDENT_STEPS.close, actor, async (incident, _m, now) => {
      incident.closedAt = now;
      return { action: IncidentAction.CLOSED, note: input.note };
    });
  }

  reopen(input: IncidentStepInput, actor: Identity): Promise<Incident> {
    if (!input.note?.trim()) throw BadUserInputError.field('input.note', 'required', 'must say why the incident is reopened');
    return this.steps.take(input.incidentId, INCIDENT_STEPS.reopen, actor, async (incident) => {
      incident.resolvedAt = null;
      return { action: IncidentAction.REOPENED, note: input.note };
    });
  }

  /** The trip and segment named by the input, checked against each other, the customer and the incident's category. */
  private async placeOnTrip(input: OpenIncidentInput, category: IncidentCategory): Promise<{ tripId: string | null; segment: IncidentSegment | null }> {
    if (input.segmentId && !input.tripId) throw BadUserInputError.field('input.tripId', 'required', 'must be given with a segment');
    if (!input.tripId) {
      if (category === 'FLIGHT_DISRUPTION' || category === 'BAGGAGE') throw BadUserInputError.field('input.tripId', 'required', `must be given for ${category.toLowerCase().replace('_', ' ')}: the flight is on a trip`);
      return { tripId: null, segment: null };
    }
    const trip = await this.trips.findById(input.tripId);
    if (!trip) throw BadUserInputError.field('input.tripId', 'known-trip', `no trip with id "${input.tripId}" is known`);
    if (trip.customerId !== input.customerId) throw BadUserInputError.field('input.tripId', 'customer-trip', 'must be a trip of the customer');
    if (!input.segmentId) {
      if (category === 'FLIGHT_DISRUPTION' || category === 'BAGGAGE') throw BadUserInputError.field('input.segmentId', 'required', 'must name the flight segment it concerns');
      return { tripId: trip.id, segment: null };
    }
    const segment = (await this.trips.segmentsOf(trip.id, true)).find((s) => s.id === input.segmentId);
    if (!segment) throw BadUserInputError.field('input.segmentId', 'trip-segment', 'must be a segment of the trip');
    if (!SEGMENT_KINDS[category].includes(segment.kind)) {
      throw BadUserInputError.field('input.segmentId', 'segment-kind', `must be a ${SEGMENT_KINDS[category].join(' or ').toLowerCase()} segment for ${input.type.toLowerCase().replace(/_/g, ' ')}`);
    }
    return { tripId: trip.id, segment };
  }
}

function partnerOf(input: IncidentPartnerInput): IncidentPartner {
  return { kind: input.kind, name: input.name.trim(), reference: input.reference?.trim() || null };
}

/** `INC-2026-000123`: numbered per calendar year (UTC), gap-free because the counter row is locked. */
async function nextIncidentNumber(manager: EntityManager, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = await manager.query(
    `INSERT INTO incident_number_counter (year, last_number) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = incident_number_counter.last_number + 1
     RETURNING last_number`,
    [year],
  );
  return `INC-${year}-${String(row.last_number).padStart(6, '0')}`;
}
