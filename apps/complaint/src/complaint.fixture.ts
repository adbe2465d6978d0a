import type { Identity } from '@carebridge/auth';
import { formatGraphQLError } from '@carebridge/service-kit';
import { openServiceUnderTest, type ServiceUnderTest } from '@carebridge/testing';
import type { ExecutionResult } from 'graphql';
import { complaintDomain, type ComplaintDomain } from './complaint.domain';
import { complaintEventHandlers } from './complaint.event-handlers';
import { complaintReferences } from './complaint.references';
import { complaintResolvers } from './complaint.resolvers';
import { type ComplaintSettings, complaintSettings } from './complaint.settings';
import { complaintSubgraph } from './complaint.subgraph';
import type { Complaint } from './complaint/complaint.entity';
import { ComplaintCategory, ContactChannel, InvolvedPartyKind } from './complaint/complaint.enums';
import type { RegisterComplaintInput } from './complaint/complaint.inputs';
import { ComplaintStatus } from './status/status.enums';
import { Urgency } from './urgency/urgency.enums';

/** Test users of the complaint service, one per duty. */
export const people = {
  agent: { userId: 'agent-ana', roles: ['agent'], name: 'Ana Agent' },
  specialist: { userId: 'spec-sam', roles: ['complaint_specialist'], name: 'Sam Specialist' },
  otherSpecialist: { userId: 'spec-kim', roles: ['complaint_specialist'], name: 'Kim Specialist' },
  supervisor: { userId: 'sup-sue', roles: ['supervisor'], name: 'Sue Supervisor' },
  analyst: { userId: 'analyst-al', roles: ['analyst'], name: 'Al Analyst' },
} satisfies Record<string, Identity>;

/** The first error of a GraphQL result as a client gets it (code, field, status details). */
export function refusal(result: ExecutionResult): Record<string, unknown> | undefined {
  const [error] = result.errors ?? [];
  return error ? (formatGraphQLError(error.toJSON(), error, { development: false }).extensions as Record<string, unknown>) : undefined;
}

/**
 * The complaint service on a fresh database of its own (`openServiceUnderTest`): its use cases,
 * `deliver` for other services' events, `learnCustomer`, `db.clock`, `deadLetters`; and the steps
 * its tests take again and again.
 */
export interface ComplaintWorld extends ComplaintDomain, Omit<ServiceUnderTest<ComplaintDomain, ComplaintSettings>, 'domain'> {
  register(customerId: string, overrides?: Partial<RegisterComplaintInput>): Promise<Complaint>;
  /** Walks a new complaint along the procedure to `status`. */
  complaintIn(status: ComplaintStatus, customerId: string): Promise<Complaint>;
}

export async function openComplaint(env: Record<string, string> = {}): Promise<ComplaintWorld> {
  const { domain, ...service } = await openServiceUnderTest({
    definition: complaintSubgraph,
    settings: complaintSettings(env),
    domain: complaintDomain,
    eventHandlers: complaintEventHandlers,
    resolvers: (domain, db) => complaintResolvers(domain, { clock: db.clock }),
    references: (domain) => complaintReferences(domain),
    consumer: { maxAttempts: 2, retryBackoffMs: 1 },
  });
  await domain.handlers.set({ userId: people.specialist.userId, name: people.specialist.name, department: 'Customer Relations', active: true });
  await domain.handlers.set({ userId: people.otherSpecialist.userId, name: people.otherSpecialist.name, department: 'Customer Relations', active: true });

  const world: ComplaintWorld = {
    ...domain,
    ...service,
    register: (customerId, overrides = {}) =>
      domain.registration.register(
        {
          customerId,
          channel: ContactChannel.EMAIL,
          category: ComplaintCategory.BAGGAGE,
          urgency: Urgency.MEDIUM,
          description: 'My suitcase did not arrive in Frankfurt and nobody called me back.',
          occurredAt: new Date('2026-11-01T10:00:00Z'),
          location: 'FRA',
          peopleInvolved: [{ kind: InvolvedPartyKind.FLIGHT, name: 'LH 721', detail: null }],
          bookingReference: 'ABC123',
          attachments: [],
          ...overrides,
        } as RegisterComplaintInput,
        people.agent,
      ),
    async complaintIn(status, customerId) {
      const { assignment, work, feedback, resolutionPlanning, resolution, closing, reopening } = domain;
      const s = people.specialist;
      let complaint = await world.register(customerId);
      const path: [ComplaintStatus, () => Promise<Complaint>][] = [
        [ComplaintStatus.ASSIGNED, () => assignment.assign({ complaintId: complaint.id, assigneeId: s.userId }, s)],
        [ComplaintStatus.IN_PROGRESS, () => work.startWork({ complaintId: complaint.id }, s)],
        [
          ComplaintStatus.FEEDBACK_GIVEN,
          async () => {
            await resolutionPlanning.planResolution({ complaintId: complaint.id, explanation: 'The bag was found in Munich and is on its way.', compensation: [] }, s);
            return feedback.giveFeedback({ complaintId: complaint.id, channel: ContactChannel.EMAIL, actionsTaken: 'Traced the bag.', nextSteps: 'Delivery tomorrow.' }, s);
          },
        ],
        [ComplaintStatus.RESOLVED, () => resolution.resolve({ complaintId: complaint.id }, s)],
        [ComplaintStatus.CLOSED, () => closing.close({ complaintId: complaint.id, satisfactionScore: 4 }, s)],
        [ComplaintStatus.REOPENED, () => reopening.reopen({ complaintId: complaint.id, reason: 'The bag arrived damaged.' }, s)],
      ];
      if (status === ComplaintStatus.REGISTERED) return complaint;
      for (const [reached, step] of path) {
        complaint = await step();
        if (reached === status) return complaint;
      }
      throw new Error(`no path to ${status}`);
    },
  };
  return world;
}
