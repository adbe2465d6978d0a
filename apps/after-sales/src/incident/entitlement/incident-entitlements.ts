import { randomUUID } from 'node:crypto';
import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { entitlementComputed } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import type { AirportDirectory } from '../../airport/airport-directory';
import type { DisruptionFacts } from '../../passenger-rights/disruption-facts';
import { assessPassengerRights } from '../../passenger-rights/passenger-rights-assessment';
import { BaggageEventKind, DisruptionKind, type PassengerRightsAssessment, type PaymentMethod } from '../../passenger-rights/passenger-rights.enums';
import { INCIDENT_STEPS } from '../incident-lifecycle';
import type { IncidentSteps } from '../incident-steps';
import type { IncidentTrips } from '../incident-trips';
import { IncidentAction, IncidentCategory, type IncidentType } from '../incident.enums';
import type { DisruptionRecord, Incident } from '../incident.entity';
import type { ComputeIncidentEntitlementsInput } from '../incident.inputs';
import { IncidentDeadline, IncidentEntitlement, IncidentEntitlementComputation } from './incident-entitlement.entity';

const DISRUPTION_OF: Partial<Record<IncidentType, DisruptionKind>> = {
  FLIGHT_DELAY: DisruptionKind.DELAY,
  FLIGHT_CANCELLATION: DisruptionKind.CANCELLATION,
  FLIGHT_DIVERSION: DisruptionKind.DIVERSION,
  DENIED_BOARDING: DisruptionKind.DENIED_BOARDING,
  DOWNGRADE: DisruptionKind.DOWNGRADE,
};

const BAG_OF: Partial<Record<IncidentType, BaggageEventKind>> = {
  BAGGAGE_DELAYED: BaggageEventKind.DELAYED,
  BAGGAGE_DAMAGED: BaggageEventKind.DAMAGED,
  BAGGAGE_PILFERED: BaggageEventKind.PILFERED,
  BAGGAGE_LOST: BaggageEventKind.LOST,
};

const date = (value: string | null | undefined) => (value ? new Date(value) : null);
const iso = (value: Date | null | undefined) => value?.toISOString() ?? null;

/**
 * What the passenger is owed for a flight-disruption or baggage incident (T-4.3): the incident's
 * flight segment and the facts staff record go to the pure passenger-rights engine; its entitlements
 * are stored with their rule version and article, a deadline on the incident for each of their
 * deadlines (the Montreal claim windows among them), and `entitlement.computed` published. A new
 * computation supersedes the last one; nothing is deleted.
 */
export class IncidentEntitlements {
  constructor(
    private readonly dataSource: DataSource,
    private readonly steps: IncidentSteps,
    private readonly trips: IncidentTrips,
    private readonly outbox: Outbox,
    private readonly airports: AirportDirectory,
  ) {}

  async compute(input: ComputeIncidentEntitlementsInput, actor: Identity): Promise<Incident> {
    return this.steps.take(input.incidentId, INCIDENT_STEPS.work, actor, async (incident, manager, now) => {
      const record = disruptionRecord(input);
      const facts = await this.factsOf(incident, record, manager);
      const assessment = assessPassengerRights(facts, { now, airports: this.airports });
      const computationId = await this.store(manager, incident, assessment, actor, now);
      incident.disruption = record;
      return {
        action: IncidentAction.ENTITLEMENTS_COMPUTED,
        changes: {
          computationId: { to: computationId },
          entitlements: { to: assessment.entitlements.map((e) => ({ regime: e.regime, kind: e.kind, amount: e.amount ? `${e.amount.currency} ${e.amount.amount}` : null, ruleVersion: e.ruleVersion })) },
          notGranted: { to: assessment.notGranted.length },
        },
      };
    });
  }

  current(incidentId: string): Promise<IncidentEntitlement[]> {
    return this.dataSource.getRepository(IncidentEntitlement).find({ where: { incidentId, supersededAt: IsNull() }, order: { regime: 'ASC', kind: 'ASC', id: 'ASC' } });
  }

  deadlines(incidentId: string): Promise<IncidentDeadline[]> {
    return this.dataSource.getRepository(IncidentDeadline).find({ where: { incidentId, supersededAt: IsNull() }, order: { dueAt: { direction: 'ASC', nulls: 'LAST' }, id: 'ASC' } });
  }

  /** The latest assessment in full (regimes, rights not granted and why), as computed. */
  async latestAssessment(incidentId: string): Promise<Record<string, unknown> | null> {
    const latest = await this.dataSource.getRepository(IncidentEntitlementComputation).findOne({ where: { incidentId }, order: { computedAt: 'DESC' } });
    return latest?.assessment ?? null;
  }

  private async factsOf(incident: Incident, record: DisruptionRecord, manager: EntityManager): Promise<DisruptionFacts> {
    if (incident.category !== IncidentCategory.FLIGHT_DISRUPTION && incident.category !== IncidentCategory.BAGGAGE) {
      throw BadUserInputError.field('input.incidentId', 'flight-incident', `must be a flight-disruption or baggage incident (${incident.number} is ${incident.type})`);
    }
    const segment = incident.tripId && incident.segmentId ? (await this.trips.segmentsOf(incident.tripId, true)).find((s) => s.id === incident.segmentId) : undefined;
    if (!segment || segment.kind !== 'FLIGHT' || !segment.carrier || !segment.flightNumber || !segment.origin || !segment.destination || !segment.endsAt) {
      throw BadUserInputError.field('input.incidentId', 'flight-segment', `incident ${incident.number} must concern a flight segment with its carrier, flight number, airports and schedule`);
    }
    const bagKind = BAG_OF[incident.type];
    const [file] = bagKind
      ? await manager.query(`SELECT reference, opened_at AS "openedAt", received_at AS "receivedAt" FROM baggage_file WHERE incident_id = $1`, [incident.id])
      : [];
    return {
      // A baggage incident assesses the flight as flown (no delay of the passenger) with the bag's facts.
      kind: DISRUPTION_OF[incident.type] ?? DisruptionKind.DELAY,
      flight: {
        carrier: segment.carrier,
        carrierLicenceCountry: record.carrierLicenceCountry ?? null,
        flightNumber: segment.flightNumber,
        origin: segment.origin,
        destination: segment.destination,
        scheduledDeparture: segment.startsAt,
        scheduledArrival: segment.endsAt,
        actualDeparture: date(record.actualDeparture) ?? (bagKind ? segment.startsAt : null),
        actualArrival: date(record.actualArrival) ?? (bagKind ? segment.endsAt : null),
      },
      cancellation: incident.type === 'FLIGHT_CANCELLATION' ? { noticeGivenAt: date(record.noticeGivenAt) } : null,
      rerouting: record.rerouting ? { departure: new Date(record.rerouting.departure), arrival: new Date(record.rerouting.arrival) } : null,
      extraordinaryCircumstances: record.extraordinaryCircumstances ? { reason: record.extraordinaryCircumstances } : null,
      deniedBoarding: incident.type === 'DENIED_BOARDING' ? { voluntary: record.deniedBoardingVoluntary ?? false } : null,
      diversion: record.diversionAirport ? { airport: record.diversionAirport } : null,
      fare: record.fare ?? null,
      paymentMethod: (record.paymentMethod as PaymentMethod | null) ?? null,
      baggage: bagKind
        ? [{ kind: bagKind, tag: file?.reference ?? null, reportedAt: file?.openedAt ?? incident.openedAt, receivedAt: file?.receivedAt ?? null, fee: record.bagFees ?? null }]
        : null,
    };
  }

  private async store(manager: EntityManager, incident: Incident, assessment: PassengerRightsAssessment, actor: Identity, now: Date): Promise<string> {
    const computationId = randomUUID();
    await manager.insert(IncidentEntitlementComputation, { id: computationId, incidentId: incident.id, computedBy: actor.userId, computedAt: now, assessment: JSON.parse(JSON.stringify(assessment)) });
    await manager.update(IncidentEntitlement, { incidentId: incident.id, supersededAt: IsNull() }, { supersededAt: now });
    await manager.update(IncidentDeadline, { incidentId: incident.id, supersededAt: IsNull() }, { supersededAt: now });
    const rows = assessment.entitlements.map((e) => ({
      id: randomUUID(),
      incidentId: incident.id,
      computationId,
      regime: e.regime,
      kind: e.kind,
      measure: e.measure,
      amount: e.amount?.amount ?? null,
      currency: e.amount?.currency ?? null,
      sharePercent: e.sharePercent ?? null,
      legalBasis: e.legalBasis,
      articles: e.articles,
      explanation: e.explanation,
      ruleVersion: e.ruleVersion,
      computedAt: now,
      supersededAt: null,
    }));
    if (rows.length) await manager.insert(IncidentEntitlement, rows);
    const deadlines = assessment.deadlines.map((d) => ({
      incidentId: incident.id,
      computationId,
      regime: d.regime,
      kind: d.kind,
      entitlement: d.entitlement,
      dueAt: d.dueAt,
      description: d.description,
      article: d.article,
      supersededAt: null,
    }));
    if (deadlines.length) await manager.insert(IncidentDeadline, deadlines);
    await this.outbox.publish(manager, entitlementComputed, {
      computationId,
      incidentId: incident.id,
      customerId: incident.customerId,
      computedAt: now.toISOString(),
      entitlements: rows.map((r) => ({ entitlementId: r.id, regime: r.regime, kind: r.kind, measure: r.measure, amount: r.amount, currency: r.currency, legalBasis: r.legalBasis, ruleVersion: r.ruleVersion })),
      notGranted: assessment.notGranted.length,
    });
    return computationId;
  }
}

/** The facts staff gave, kept on the incident as they were given. */
function disruptionRecord(input: ComputeIncidentEntitlementsInput): DisruptionRecord {
  if (input.rerouting && input.rerouting.arrival <= input.rerouting.departure) throw BadUserInputError.field('input.rerouting.arrival', 'after', 'must be after the re-routed departure');
  return {
    actualDeparture: iso(input.actualDeparture),
    actualArrival: iso(input.actualArrival),
    timesEstimated: input.timesEstimated ?? null,
    cause: input.cause ?? null,
    causeDetail: input.causeDetail?.trim() || null,
    noticeGivenAt: iso(input.noticeGivenAt),
    rerouting: input.rerouting ? { departure: input.rerouting.departure.toISOString(), arrival: input.rerouting.arrival.toISOString() } : null,
    extraordinaryCircumstances: input.extraordinaryCircumstances?.trim() || null,
    deniedBoardingVoluntary: input.deniedBoardingVoluntary ?? null,
    diversionAirport: input.diversionAirport?.toUpperCase() ?? null,
    fare: input.fare ? { amount: input.fare.amount, currency: input.fare.currency } : null,
    bagFees: input.bagFees ? { amount: input.bagFees.amount, currency: input.bagFees.currency } : null,
    paymentMethod: input.paymentMethod ?? null,
    carrierLicenceCountry: input.carrierLicenceCountry ?? null,
  };
}
