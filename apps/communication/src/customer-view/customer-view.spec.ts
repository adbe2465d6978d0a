import { randomUUID } from 'node:crypto';
import type { Identity } from '@carebridge/auth';
import {
  baggageFileDeliveryUpdated,
  baggageFileOpened,
  complaintAssigned,
  complaintFeedbackGiven,
  complaintRegistered,
  complaintResolved,
  complaintSlaBreached,
  customerErased,
  customerMerged,
  documentIssued,
  documentRequested,
  followUpSurveySent,
  inquiryFirstResponded,
  inquiryReceived,
} from '@carebridge/event-contracts';
import { createLogger, requestContext } from '@carebridge/service-kit';
import { people, useCommunication } from '../communication.fixture';

const customerApp = requestContext(undefined, createLogger({ service: 'communication', level: 'silent' }));
const customer = (customerId: string): Identity => ({ userId: customerId, roles: ['customer'] });

const CASE_FIELDS = `id kind reference category status deadlineKind deadlineAt relatedCaseId openedAt updatedAt timeline { kind at detail handledBy }`;
const MY_CASES = `query { myCases { ${CASE_FIELDS} } }`;
const MY_CASE = `query($id: ID!) { myCase(id: $id) { ${CASE_FIELDS} } }`;
const CASE_STATUS = `query($link: String!) { caseStatus(link: $link) { ${CASE_FIELDS} } }`;
const STATUS_LINK = `query($id: ID!) { caseStatusLink(caseId: $id) { caseId link expiresAt } }`;

/** Operations as the gateway would answer them: times as ISO strings, errors with their extensions. */
function runAs(world: ReturnType<typeof useCommunication>) {
  return async (...args: Parameters<typeof world.run>) => JSON.parse(JSON.stringify(await world.run(...args)));
}

describe("the customer's own view of their cases (real Postgres)", () => {
  const world = useCommunication();
  const run = runAs(world);

  /** A complaint registered, taken on, reassigned, past an internal deadline, given feedback and resolved. */
  async function complaintOf(customerId: string) {
    const complaintId = randomUUID();
    const inquiryId = randomUUID();
    await world.deliver(inquiryReceived, { inquiryId, customerId, channel: 'EMAIL', category: 'BAGGAGE', receivedAt: '2026-11-02T08:00:00.000Z', firstResponseDueAt: '2026-11-02T12:00:00.000Z' });
    await world.deliver(complaintRegistered, {
      complaintId,
      registrationNumber: 'CMP-2026-000042',
      customerId,
      channel: 'EMAIL',
      category: 'BAGGAGE',
      urgency: 'HIGH',
      registeredBy: 'agent-ana',
      registeredAt: '2026-11-02T09:00:00.000Z',
      inquiryId,
      feedbackDueAt: '2026-11-03T09:00:00.000Z',
    });
    const assigned = { complaintId, customerId, department: 'baggage', assignedBy: 'system', automatic: true, reason: 'Internal: the customer shouted at the desk', assignedAt: '2026-11-02T09:05:00.000Z' };
    await world.deliver(complaintAssigned, { ...assigned, assigneeId: 'spec-sam' });
    await world.deliver(complaintAssigned, { ...assigned, assigneeId: 'spec-kim', assignedAt: '2026-11-02T10:00:00.000Z' });
    await world.deliver(complaintSlaBreached, { complaintId, customerId, deadline: 'FEEDBACK', urgency: 'HIGH', dueAt: '2026-11-02T10:00:00.000Z', breachedAt: '2026-11-02T10:00:00.000Z', assigneeId: 'spec-kim' });
    await world.deliver(complaintFeedbackGiven, { complaintId, customerId, givenBy: 'spec-kim', givenAt: '2026-11-02T11:00:00.000Z', feedbackDueAt: '2026-11-03T09:00:00.000Z', withinDeadline: true });
    return { complaintId, inquiryId };
  }

  it("shows a customer their cases — status, deadline, public steps — and nothing internal or another customer's", async () => {
    const lucia = await world.learnCustomer();
    const other = await world.learnCustomer();
    const { complaintId, inquiryId } = await complaintOf(lucia);
    const { complaintId: othersComplaint } = await complaintOf(other);

    const mine = await run(customer(lucia), MY_CASES);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myCases.map((c: any) => c.id)).toEqual([complaintId, inquiryId]);
    expect(mine.data.myCases[0]).toEqual({
      id: complaintId,
      kind: 'COMPLAINT',
      reference: 'CMP-2026-000042',
      category: 'BAGGAGE',
      status: 'IN_PROGRESS',
      deadlineKind: null,
      deadlineAt: null,
      relatedCaseId: inquiryId,
      openedAt: '2026-11-02T09:00:00.000Z',
      updatedAt: '2026-11-02T11:00:00.000Z',
      // One assignment (the first), no reassignment, no breached internal deadline; staff hidden by default policy.
      timeline: [
        { kind: 'REGISTERED', at: '2026-11-02T09:00:00.000Z', detail: null, handledBy: null },
        { kind: 'ASSIGNED', at: '2026-11-02T09:05:00.000Z', detail: null, handledBy: null },
        { kind: 'FEEDBACK_GIVEN', at: '2026-11-02T11:00:00.000Z', detail: null, handledBy: null },
      ],
    });
    expect(mine.data.myCases[1]).toMatchObject({ kind: 'INQUIRY', status: 'RECEIVED', deadlineKind: 'FIRST_REPLY', deadlineAt: '2026-11-02T12:00:00.000Z' });
    const text = JSON.stringify(mine.data);
    for (const hidden of ['shouted', 'spec-sam', 'spec-kim', 'agent-ana', othersComplaint, other]) expect(text).not.toContain(hidden);

    // Another customer's case is as unknown as no case; a malformed id is bad input.
    const snooping = await run(customer(lucia), MY_CASE, { id: othersComplaint });
    expect(snooping.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await run(customer(lucia), MY_CASE, { id: 'CMP-2026-000042' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await run(customer(lucia), MY_CASE, { id: complaintId })).data.myCase.status).toBe('IN_PROGRESS');

    // Staff have no cases of their own, and customers no staff operations.
    expect((await run(people.agent, MY_CASES)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await run({ userId: 'root', roles: ['admin'] }, MY_CASES)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await run(customer(lucia), STATUS_LINK, { id: complaintId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('applies each event once: a redelivered event adds no step', async () => {
    const customerId = await world.learnCustomer();
    const complaintId = randomUUID();
    const eventId = randomUUID();
    const resolved = {
      complaintId,
      registrationNumber: 'CMP-2026-000077',
      customerId,
      resolvedBy: 'spec-sam',
      resolvedAt: '2026-11-04T09:00:00.000Z',
      rootCause: 'Internal: handler at PVG',
      compensation: [
        { itemId: randomUUID(), kind: 'REFUND' as const, amount: '120.00', currency: 'EUR', quantity: null, description: null, reason: 'Delayed bag' },
        { itemId: randomUUID(), kind: 'VOUCHER' as const, amount: '50.00', currency: 'EUR', quantity: null, description: null, reason: 'Goodwill' },
      ],
    };
    await world.deliver(complaintResolved, resolved, eventId);
    await world.deliver(complaintResolved, resolved, eventId);

    const { data } = await run(customer(customerId), MY_CASE, { id: complaintId });
    expect(data.myCase).toMatchObject({ status: 'RESOLVED', reference: 'CMP-2026-000077', timeline: [{ kind: 'RESOLVED', detail: 'REFUND, VOUCHER' }] });
    expect(JSON.stringify(data)).not.toContain('PVG');
  });

  it('follows baggage files, documents and surveys, and a survey past its link waits for nothing', async () => {
    const customerId = await world.learnCustomer();
    const incidentId = randomUUID();
    const baggageFileId = randomUUID();
    const documentId = randomUUID();
    const surveyId = randomUUID();
    const bag = { baggageFileId, reference: 'PVGMU12345', incidentId, customerId };
    await world.deliver(baggageFileOpened, { ...bag, incidentType: 'BAGGAGE_DELAYED', openedAt: '2026-11-05T08:00:00.000Z' });
    await world.deliver(baggageFileDeliveryUpdated, { ...bag, deliveryId: randomUUID(), courier: 'SF Express', status: 'OUT_FOR_DELIVERY', at: '2026-11-06T08:00:00.000Z' });
    await world.deliver(documentRequested, { documentId, customerId, tripId: null, type: 'E_INVOICE', correctsDocumentId: null, requestedBy: 'as-alex', requestedAt: '2026-11-05T09:00:00.000Z', dueAt: '2026-11-08T09:00:00.000Z' });
    await world.deliver(documentIssued, {
      documentId,
      customerId,
      tripId: null,
      type: 'E_INVOICE',
      documentNumber: 'INV-2026-0001',
      issuerId: null,
      correctsDocumentId: null,
      issuedBy: 'as-alex',
      issuedAt: '2026-11-06T09:00:00.000Z',
      withinDueTime: true,
    });
    await world.deliver(followUpSurveySent, { surveyId, tripId: randomUUID(), customerId, components: ['FLIGHT'], reminder: false, sentAt: '2026-11-07T09:00:00.000Z', linkExpiresAt: '2026-12-07T09:00:00.000Z' });

    world.db.clock.set('2026-11-10T09:00:00.000Z');
    const cases = (await run(customer(customerId), MY_CASES)).data.myCases;
    const byKind = Object.fromEntries(cases.map((c: any) => [c.kind, c]));
    expect(byKind.BAGGAGE_FILE).toMatchObject({ reference: 'PVGMU12345', relatedCaseId: incidentId, status: 'IN_PROGRESS', timeline: [{ kind: 'OPENED' }, { kind: 'BAG_DELIVERY', detail: 'OUT_FOR_DELIVERY' }] });
    expect(byKind.DOCUMENT).toMatchObject({ reference: 'INV-2026-0001', category: 'E_INVOICE', status: 'READY', deadlineAt: null, timeline: [{ kind: 'REQUESTED' }, { kind: 'ISSUED' }] });
    expect(byKind.SURVEY).toMatchObject({ status: 'WAITING_FOR_YOU', deadlineKind: 'SURVEY_ANSWER', deadlineAt: '2026-12-07T09:00:00.000Z' });

    world.db.clock.set('2026-12-07T09:00:00.000Z');
    expect((await run(customer(customerId), MY_CASE, { id: surveyId })).data.myCase).toMatchObject({ status: 'CLOSED', deadlineKind: null });
  });

  it('gives the same read of one case by a status link, and refuses forged and expired links naming `link`', async () => {
    const customerId = await world.learnCustomer();
    const { complaintId } = await complaintOf(customerId);
    world.db.clock.set('2026-11-02T12:00:00.000Z');

    const issued = await run(people.agent, STATUS_LINK, { id: complaintId });
    expect(issued.errors).toBeUndefined();
    expect(issued.data.caseStatusLink).toMatchObject({ caseId: complaintId, expiresAt: '2026-12-02T12:00:00.000Z' });
    const { link } = issued.data.caseStatusLink;

    const read = await run(people.agent, CASE_STATUS, { link }, customerApp);
    expect(read.errors).toBeUndefined();
    const own = await run(customer(customerId), MY_CASE, { id: complaintId });
    expect(read.data.caseStatus).toEqual(own.data.myCase);

    const forged = await run(people.agent, CASE_STATUS, { link: `${link.slice(0, -2)}AA` }, customerApp);
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'link', problems: [expect.objectContaining({ rule: 'signature' })] });
    const [v, , expiry, signature] = link.split('.');
    const otherCase = await run(people.agent, CASE_STATUS, { link: `${v}.${randomUUID()}.${expiry}.${signature}` }, customerApp);
    expect(otherCase.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'link' });

    world.db.clock.set('2026-12-02T12:00:00.000Z');
    const expired = await run(people.agent, CASE_STATUS, { link }, customerApp);
    expect(expired.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'link', problems: [expect.objectContaining({ rule: 'expired' })] });

    expect((await run(people.agent, STATUS_LINK, { id: randomUUID() })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it("moves a merged customer's cases to the survivor and removes an erased customer's, links and all", async () => {
    const merged = await world.learnCustomer();
    const survivor = await world.learnCustomer();
    const { complaintId } = await complaintOf(merged);
    await world.deliver(customerMerged, { survivorId: survivor, mergedId: merged, mergedBy: 'crm-mia', mergedAt: '2026-11-03T08:00:00.000Z' });
    expect((await run(customer(survivor), MY_CASES)).data.myCases).toHaveLength(2);
    expect((await run(customer(merged), MY_CASES)).data.myCases).toEqual([]);

    world.db.clock.set('2026-11-03T09:00:00.000Z');
    const { link } = (await run(people.agent, STATUS_LINK, { id: complaintId })).data.caseStatusLink;
    await world.deliver(customerErased, { customerId: survivor, erasedAt: '2026-11-03T10:00:00.000Z' });
    expect((await run(customer(survivor), MY_CASES)).data.myCases).toEqual([]);
    expect((await run(people.agent, CASE_STATUS, { link }, customerApp)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // Events about an erased customer keep nothing.
    await world.deliver(inquiryFirstResponded, { inquiryId: randomUUID(), customerId: survivor, channel: 'EMAIL', respondedBy: 'agent-ana', respondedAt: '2026-11-03T11:00:00.000Z', firstResponseSeconds: 60, withinTarget: true });
    expect((await run(customer(survivor), MY_CASES)).data.myCases).toEqual([]);
  });
});

describe('the customer view where the policy shows staff', () => {
  const world = useCommunication({ COMMUNICATION_CUSTOMER_VIEW_SHOWS_STAFF: 'true' });
  const run = runAs(world);

  it('names who took each step, and still not who reassigned it', async () => {
    const customerId = await world.learnCustomer();
    const inquiryId = randomUUID();
    await world.deliver(inquiryReceived, { inquiryId, customerId, channel: 'CHAT', category: 'BOOKING', receivedAt: '2026-11-02T08:00:00.000Z', firstResponseDueAt: '2026-11-02T08:05:00.000Z' });
    await world.deliver(inquiryFirstResponded, { inquiryId, customerId, channel: 'CHAT', respondedBy: 'agent-ana', respondedAt: '2026-11-02T08:01:00.000Z', firstResponseSeconds: 60, withinTarget: true });
    const { data } = await run(customer(customerId), MY_CASE, { id: inquiryId });
    expect(data.myCase).toMatchObject({ status: 'IN_PROGRESS', deadlineAt: null, timeline: [{ kind: 'RECEIVED', handledBy: null }, { kind: 'ANSWERED', handledBy: 'agent-ana' }] });
  });
});
