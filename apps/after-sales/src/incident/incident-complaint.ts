import type { Identity } from '@carebridge/auth';
import { ConflictError } from '@carebridge/domain';
import { type ComplaintCategoryValue, type EventData, incidentComplaintRaised } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import { IsNull } from 'typeorm';
import { IncidentEntitlement } from './entitlement/incident-entitlement.entity';
import { incidentFacts } from './incident-cases';
import type { IncidentCustomerTimeline } from './incident-customer-timeline';
import { INCIDENT_NEXT_STATUSES, INCIDENT_STEPS } from './incident-lifecycle';
import type { IncidentSteps } from './incident-steps';
import { type IncidentTrips, segmentLabel } from './incident-trips';
import { IncidentAction, type IncidentCategory } from './incident.enums';
import type { Incident } from './incident.entity';
import type { RaiseComplaintForIncidentInput } from './incident.inputs';

const COMPLAINT_CATEGORY: Record<IncidentCategory, ComplaintCategoryValue> = {
  FLIGHT_DISRUPTION: 'FLIGHT_DELAY_CANCELLATION',
  BAGGAGE: 'BAGGAGE',
  ACCOMMODATION: 'ACCOMMODATION',
  EMERGENCY: 'OTHER',
};

/** Entitlements that are an amount owed as it stands: they become money items of the complaint's compensation. */
const PROPOSED_KINDS = ['COMPENSATION', 'REFUND', 'DOWNGRADE_REFUND', 'BAG_FEE_REFUND'];

type ProposedItem = EventData<typeof incidentComplaintRaised>['proposedCompensation'][number];

/**
 * After-sales registers a complaint for an in-trip problem (T-1.5, issue "after_sales registers
 * complaints for in-trip problems"). The compensation is not decided here: `incident.complaint_raised`
 * carries the computed entitlements, the complaint service registers the complaint and proposes them
 * as its compensation items, and from there the complaint's one mechanism applies — the approval
 * rule above its threshold, `complaint.resolved`, and crm's ledger. Once per incident.
 */
export class IncidentComplaint {
  constructor(
    private readonly steps: IncidentSteps,
    private readonly trips: IncidentTrips,
    private readonly outbox: Outbox,
    private readonly timeline: IncidentCustomerTimeline,
  ) {}

  raise(input: RaiseComplaintForIncidentInput, actor: Identity): Promise<Incident> {
    return this.steps.take(input.incidentId, INCIDENT_STEPS.raiseComplaint, actor, async (incident, manager, now) => {
      if (incident.complaintRaisedAt) {
        throw new ConflictError(`A complaint was raised for incident ${incident.number} already`, { currentStatus: incident.status, allowedNext: INCIDENT_NEXT_STATUSES[incident.status] });
      }
      const trip = incident.tripId ? await this.trips.findById(incident.tripId) : null;
      const segment = incident.tripId && incident.segmentId ? (await this.trips.segmentsOf(incident.tripId, true)).find((s) => s.id === incident.segmentId) : undefined;
      const entitlements = await manager.find(IncidentEntitlement, { where: { incidentId: incident.id, supersededAt: IsNull() }, order: { regime: 'ASC', kind: 'ASC' } });
      const proposed: ProposedItem[] = entitlements
        .filter((e) => PROPOSED_KINDS.includes(e.kind) && e.amount !== null && e.currency !== null && e.currency !== 'XDR' && e.measure !== 'UP_TO_LIMIT')
        .map((e) => ({ entitlementId: e.id, kind: 'REFUND', amount: e.amount, currency: e.currency, quantity: null, regime: e.regime, legalBasis: e.legalBasis, ruleVersion: e.ruleVersion }));
      incident.complaintRaisedAt = now;
      const eventId = await this.outbox.publish(manager, incidentComplaintRaised, {
        ...incidentFacts(incident),
        complaintCategory: COMPLAINT_CATEGORY[incident.category],
        urgency: incident.severity,
        channel: incident.reportedVia,
        bookingReference: trip?.bookingReference ?? null,
        segmentLabel: segment ? segmentLabel(segment) : null,
        occurredAt: incident.occurredAt?.toISOString() ?? null,
        raisedBy: actor.userId,
        raisedAt: now.toISOString(),
        proposedCompensation: proposed,
      });
      await this.timeline.complaintRaised(manager, eventId, incident, now);
      return { action: IncidentAction.COMPLAINT_RAISED, changes: { eventId: { to: eventId }, proposedCompensation: { to: proposed.map((p) => `${p.currency} ${p.amount} (${p.regime})`) } } };
    });
  }
}
