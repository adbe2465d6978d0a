import { CustomerExportPart } from '@carebridge/customer-export';
import { bookingCompleted, bookingConfirmed, type BookingSnapshot, customerConsentsChanged, customerErased, customerExportRequested, customerMerged, tripCompleted } from '@carebridge/event-contracts';
import { randomUUID } from 'node:crypto';
import { createLogger, requestContext } from '@carebridge/service-kit';
import { aBooking, people, useAfterSales } from '../after-sales.fixture';
import { ServiceRecoveryTask } from '../service-recovery/service-recovery-task.entity';
import { CustomerContactPreference } from './contact-preference.entity';
import { FollowUpSurvey } from './follow-up-survey.entity';

const ANSWER = `mutation($input: AnswerFollowUpSurveyInput!) { answerFollowUpSurvey(input: $input) { surveyId answeredAt followUpPlanned } }`;
const customerApp = requestContext(undefined, createLogger({ service: 'after-sales', level: 'silent' }));

describe('post-trip follow-up: surveys, signed links, service recovery (real Postgres)', () => {
  const world = useAfterSales();

  /** A trip that ends on 2026-12-19T17:55Z, completed by the reservation system; its trip.completed delivered to the follow-up. */
  async function completedTrip(customerId: string, overrides: Partial<BookingSnapshot> = {}): Promise<{ tripId: string; booking: BookingSnapshot }> {
    const booking = aBooking(customerId, overrides);
    world.db.clock.set('2026-11-02T09:00:00.000Z');
    await world.deliver(bookingConfirmed, booking);
    world.db.clock.set('2026-12-20T09:00:00.000Z');
    await world.deliver(bookingCompleted, { ...booking, changedAt: '2026-12-20T08:00:00.000Z' });
    const completed = (await world.db.outboxEvents()).filter((e) => e.type === 'trip.completed' && e.data.bookingReference === booking.bookingReference);
    expect(completed).toHaveLength(1);
    // Delivered twice: scheduled once.
    await world.deliver(tripCompleted, completed[0].data, completed[0].headers.ce_id);
    await world.deliver(tripCompleted, completed[0].data);
    return { tripId: completed[0].data.tripId, booking };
  }
  const surveyOf = (tripId: string) => world.db.dataSource.getRepository(FollowUpSurvey).findOneByOrFail({ tripId });
  const eventsOf = async (type: string, key?: string) => (await world.db.outboxEvents()).filter((e) => e.type === type && (!key || e.key === key));

  it('schedules a survey 48 hours after the return, sends it when due, reminds once after 5 days, and the customer answers with the link alone', async () => {
    const customerId = await world.learnCustomer();
    const { tripId, booking } = await completedTrip(customerId);
    const scheduled = await surveyOf(tripId);
    expect(scheduled).toMatchObject({
      status: 'SCHEDULED',
      customerId,
      components: ['FLIGHT', 'HOTEL', 'GUIDE', 'TRANSFER'],
      dueAt: new Date('2026-12-21T17:55:00.000Z'),
    });
    expect(await world.db.dataSource.getRepository(FollowUpSurvey).countBy({ tripId })).toBe(1);

    world.db.clock.set('2026-12-21T17:54:00.000Z');
    expect(await world.followUpScheduling.run()).toMatchObject({ sent: 0 });
    world.db.clock.set('2026-12-21T18:00:00.000Z');
    expect(await world.followUpScheduling.run()).toMatchObject({ sent: 1, reminded: 0 });
    expect(await world.followUpScheduling.run()).toMatchObject({ sent: 0 });
    const sent = await eventsOf('followup_survey.sent', scheduled.id);
    expect(sent.map((e) => e.data)).toEqual([
      {
        surveyId: scheduled.id,
        tripId,
        customerId,
        components: ['FLIGHT', 'HOTEL', 'GUIDE', 'TRANSFER'],
        reminder: false,
        sentAt: '2026-12-21T18:00:00.000Z',
        linkExpiresAt: '2027-01-20T18:00:00.000Z',
      },
    ]);

    world.db.clock.set('2026-12-26T18:00:00.000Z');
    expect(await world.followUpScheduling.run()).toMatchObject({ reminded: 1 });
    world.db.clock.set('2026-12-31T18:00:00.000Z');
    expect(await world.followUpScheduling.run()).toMatchObject({ reminded: 0 });
    expect((await eventsOf('followup_survey.sent', scheduled.id)).map((e) => e.data.reminder)).toEqual([false, true]);

    // The communication service fetches the link; the customer answers from it, without a staff token.
    const link = await world.run(people.integration, `query($id: ID!) { followUpSurveyLink(surveyId: $id) { surveyId token expiresAt } }`, { id: scheduled.id });
    expect(link.errors).toBeUndefined();
    const { token } = link.data.followUpSurveyLink;
    expect(token).toMatch(/^v1\.[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]+$/);

    world.db.clock.set('2027-01-02T10:00:00.000Z');
    const input = {
      token,
      nps: 3,
      npsReason: 'The hotel room was dirty and nobody at reception helped.',
      ratings: [
        { component: 'HOTEL', score: 1 },
        { component: 'FLIGHT', score: 4 },
      ],
      comment: 'The guide was lovely though.',
    };
    const answered = await world.run(people.agent, ANSWER, { input }, customerApp);
    expect(answered).toEqual({ data: { answerFollowUpSurvey: { surveyId: scheduled.id, answeredAt: '2027-01-02T10:00:00.000Z', followUpPlanned: true } } });
    expect(await surveyOf(tripId)).toMatchObject({
      status: 'ANSWERED',
      nps: 3,
      npsReason: input.npsReason,
      comment: input.comment,
      ratings: [
        { component: 'FLIGHT', score: 4 },
        { component: 'HOTEL', score: 1 },
      ],
    });

    // Analytics get figures only; the inner loop gets a task due in 48 hours, assigned to after-sales.
    const [answer] = await eventsOf('followup_survey.answered', scheduled.id);
    expect(answer.data).toEqual({
      surveyId: scheduled.id,
      tripId,
      customerId,
      nps: 3,
      npsCategory: 'DETRACTOR',
      ratings: [
        { component: 'FLIGHT', score: 4 },
        { component: 'HOTEL', score: 1 },
      ],
      answeredAt: '2027-01-02T10:00:00.000Z',
      serviceRecoveryOpened: true,
    });
    expect(JSON.stringify(answer.data)).not.toContain('dirty');
    const task = await world.db.dataSource.getRepository(ServiceRecoveryTask).findOneByOrFail({ surveyId: scheduled.id });
    expect(task).toMatchObject({
      status: 'OPEN',
      reasons: ['DETRACTOR', 'LOW_COMPONENT_RATING'],
      lowComponents: ['HOTEL'],
      assignedTeam: 'after_sales',
      dueAt: new Date('2027-01-04T10:00:00.000Z'),
    });
    const [opened] = await eventsOf('service_recovery.opened', task.id);
    expect(opened.data).toMatchObject({ taskId: task.id, reasons: ['DETRACTOR', 'LOW_COMPONENT_RATING'], lowComponents: ['HOTEL'], dueAt: '2027-01-04T10:00:00.000Z' });
    const timeline = (await eventsOf('after_sales.customer_timeline_entry')).filter((e) => e.data.customerId === customerId && ['SURVEY', 'SERVICE_RECOVERY'].includes(e.data.kind));
    expect(timeline.map((e) => [e.data.kind, e.data.summary, e.data.entryId])).toEqual([
      ['SERVICE_RECOVERY', `Service recovery opened after the post-trip survey (NPS 3, low: HOTEL), due 2027-01-04 10:00 UTC`, opened.headers.ce_id],
      ['SURVEY', `Post-trip survey answered for trip ${booking.bookingReference}: NPS 3 (detractor); FLIGHT 4/5, HOTEL 1/5`, answer.headers.ce_id],
    ]);
    expect(timeline.map((e) => e.data.summary).join(' ')).not.toContain('dirty');

    // Replaying the link records nothing.
    const replay = await world.run(people.agent, ANSWER, { input: { ...input, nps: 10 } }, customerApp);
    expect(replay.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.token', problems: [expect.objectContaining({ rule: 'used' })] });
    expect(await eventsOf('followup_survey.answered', scheduled.id)).toHaveLength(1);
    expect((await surveyOf(tripId)).nps).toBe(3);

    // The task is listed by due time, flagged once overdue, and becomes a complaint with one action.
    world.db.clock.set('2027-01-04T11:00:00.000Z');
    const listed = await world.run(people.afterSales, `{ serviceRecoveryTasks(filter: { overdue: true }) { totalCount edges { node { id dueAt overdue customerWords customer { id } } } } }`);
    expect(listed.data.serviceRecoveryTasks.edges.map((e: any) => e.node)).toEqual([
      { id: task.id, dueAt: '2027-01-04T10:00:00.000Z', overdue: true, customerWords: `Why: ${input.npsReason}\nComment: ${input.comment}`, customer: { id: customerId } },
    ]);
    const escalate = `mutation($input: EscalateServiceRecoveryInput!) { escalateServiceRecovery(input: $input) { id status escalatedBy overdue } }`;
    const escalated = await world.run(people.afterSales, escalate, { input: { taskId: task.id, category: 'ACCOMMODATION', urgency: 'HIGH', note: 'Called her: she wants a partial refund.' } });
    expect(escalated.data.escalateServiceRecovery).toEqual({ id: task.id, status: 'ESCALATED', escalatedBy: 'as-asa', overdue: false });
    const [complaint] = await eventsOf('service_recovery.escalated', task.id);
    expect(complaint.data).toMatchObject({ customerId, category: 'ACCOMMODATION', urgency: 'HIGH', bookingReference: booking.bookingReference, escalatedBy: 'as-asa', occurredAt: '2026-12-19T17:55:00.000Z' });
    expect(complaint.data.description).toBe(
      `Post-trip survey for booking ${booking.bookingReference}: NPS 3/10; ratings FLIGHT 4/5, HOTEL 1/5.\nWhy: ${input.npsReason}\nComment: ${input.comment}\nAfter-sales: Called her: she wants a partial refund.`,
    );
    const again = await world.run(people.afterSales, escalate, { input: { taskId: task.id } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'ESCALATED' });

    // Erasure replaces the customer's words and keeps the figures.
    await world.deliver(customerErased, { customerId, erasedAt: '2027-01-05T00:00:00.000Z' });
    expect(await surveyOf(tripId)).toMatchObject({ nps: 3, npsReason: '[erased]', comment: '[erased]', bookingReference: null });
    expect(await world.db.dataSource.getRepository(ServiceRecoveryTask).findOneByOrFail({ id: task.id })).toMatchObject({ customerWords: '[erased]', bookingReference: null });
  });

  it('refuses forged, expired and malformed answers with typed errors naming the field, recording nothing', async () => {
    const customerId = await world.learnCustomer();
    const { tripId } = await completedTrip(customerId, { segments: [aBooking(customerId).segments[0]] });
    world.db.clock.set('2026-12-22T00:00:00.000Z');
    await world.followUpScheduling.run();
    const survey = await surveyOf(tripId);
    expect(survey.components).toEqual(['FLIGHT']);
    const { token } = await world.surveyAnswering.linkOf(survey.id);
    const answer = (input: Record<string, unknown>) => world.run(people.agent, ANSWER, { input: { token, nps: 9, ...input } }, customerApp);
    const problem = async (input: Record<string, unknown>) => (await answer(input)).errors?.[0].extensions;

    const [v, id, expiry, signature] = token.split('.');
    expect(await problem({ token: `${v}.${id}.${Number(expiry) + 86_400 * 365}.${signature}` })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.token', problems: [expect.objectContaining({ rule: 'signature' })] });
    expect(await problem({ token: `${v}.${id}.${expiry}.${signature.slice(0, -2)}AA` })).toMatchObject({ field: 'input.token', problems: [expect.objectContaining({ rule: 'signature' })] });
    expect(await problem({ token: 'not-a-token' })).toMatchObject({ field: 'input.token' });
    expect(await problem({ nps: 11 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nps' });
    expect(await problem({ ratings: [{ component: 'HOTEL', score: 5 }] })).toMatchObject({ field: 'input.ratings.0.component', problems: [expect.objectContaining({ rule: 'trip-component' })] });
    expect(await problem({ ratings: [{ component: 'FLIGHT', score: 0 }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ratings.0.score' });

    world.db.clock.set('2027-01-21T00:00:00.000Z');
    expect(await problem({})).toMatchObject({ field: 'input.token', problems: [expect.objectContaining({ rule: 'expired' })] });
    expect(await world.followUpScheduling.run()).toMatchObject({ expired: 1 });
    expect(await surveyOf(tripId)).toMatchObject({ status: 'EXPIRED', nps: null, answeredAt: null });
    expect(await eventsOf('followup_survey.answered', survey.id)).toHaveLength(0);
  });

  it('a passive answer with good ratings opens no recovery', async () => {
    const { tripId } = await completedTrip(await world.learnCustomer());
    world.db.clock.set('2026-12-22T00:00:00.000Z');
    await world.followUpScheduling.run();
    const survey = await surveyOf(tripId);
    const { token } = await world.surveyAnswering.linkOf(survey.id);
    const answered = await world.run(people.agent, ANSWER, { input: { token, nps: 8, ratings: [{ component: 'GUIDE', score: 3 }] } }, customerApp);
    expect(answered.data.answerFollowUpSurvey.followUpPlanned).toBe(false);
    expect(await world.db.dataSource.getRepository(ServiceRecoveryTask).countBy({ surveyId: survey.id })).toBe(0);
  });

  it('skips customers who withdrew consent or were contacted in the last 30 days', async () => {
    const withdrawn = await world.learnCustomer();
    const set = await world.run(
      people.afterSales,
      `mutation($input: SetCustomerContactPreferencesInput!) { setCustomerContactPreferences(input: $input) { customerId followUpConsent careOptOut } }`,
      { input: { customerId: withdrawn, followUpConsent: false } },
    );
    expect(set.data.setCustomerContactPreferences).toEqual({ customerId: withdrawn, followUpConsent: false, careOptOut: false });
    const { tripId: noConsent } = await completedTrip(withdrawn);

    const recent = await world.learnCustomer();
    world.db.clock.set('2026-12-10T10:00:00.000Z');
    const call = await world.run(
      people.afterSales,
      `mutation($input: RecordFollowUpCallInput!) { recordFollowUpCall(input: $input) { outcome nps note recordedBy calledAt } }`,
      { input: { customerId: recent, outcome: 'REACHED_SATISFIED', nps: 9, note: 'Happy with the booking.' } },
    );
    expect(call.data.recordFollowUpCall).toEqual({ outcome: 'REACHED_SATISFIED', nps: 9, note: 'Happy with the booking.', recordedBy: 'as-asa', calledAt: '2026-12-10T10:00:00.000Z' });
    const { tripId: contacted } = await completedTrip(recent);

    world.db.clock.set('2026-12-22T00:00:00.000Z');
    await world.followUpScheduling.run();
    expect(await surveyOf(noConsent)).toMatchObject({ status: 'SKIPPED', skipReason: 'NO_CONSENT' });
    expect(await surveyOf(contacted)).toMatchObject({ status: 'SKIPPED', skipReason: 'RECENTLY_CONTACTED' });
    expect(await eventsOf('followup_survey.sent', (await surveyOf(noConsent)).id)).toHaveLength(0);

    const bad = await world.run(people.afterSales, `mutation($input: RecordFollowUpCallInput!) { recordFollowUpCall(input: $input) { outcome } }`, {
      input: { customerId: recent, outcome: 'NO_ANSWER', nps: 12 },
    });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nps' });
  });

  it("applies crm's consent statements, the latest one winning, on the survivor of a merge and never for an erased customer", async () => {
    const customerId = await world.learnCustomer();
    const consentOf = async (id: string) => (await world.db.dataSource.getRepository(CustomerContactPreference).findBy({ customerId: id })).map((row) => row.followUpConsent);
    const withdrawal = { customerId, followUpConsent: false, marketingConsent: true, changedAt: '2026-12-01T10:00:00.000Z' };
    const eventId = randomUUID();
    await world.deliver(customerConsentsChanged, withdrawal, eventId);
    await world.deliver(customerConsentsChanged, withdrawal, eventId);
    expect(await consentOf(customerId)).toEqual([false]);
    // An older statement arriving late changes nothing; a newer one does.
    await world.deliver(customerConsentsChanged, { ...withdrawal, followUpConsent: true, changedAt: '2026-11-01T10:00:00.000Z' });
    expect(await consentOf(customerId)).toEqual([false]);
    const { tripId } = await completedTrip(customerId);
    world.db.clock.set('2026-12-22T00:00:00.000Z');
    await world.followUpScheduling.run();
    expect(await surveyOf(tripId)).toMatchObject({ status: 'SKIPPED', skipReason: 'NO_CONSENT' });
    await world.deliver(customerConsentsChanged, { ...withdrawal, followUpConsent: true, changedAt: '2026-12-23T10:00:00.000Z' });
    expect(await consentOf(customerId)).toEqual([true]);

    const merged = await world.learnCustomer();
    await world.deliver(customerMerged, { survivorId: customerId, mergedId: merged, mergedBy: 'crm-carla', mergedAt: '2026-12-24T01:00:00.000Z' });
    await world.deliver(customerConsentsChanged, { ...withdrawal, customerId: merged, followUpConsent: false, changedAt: '2026-12-24T02:00:00.000Z' });
    expect(await consentOf(customerId)).toEqual([false]);
    expect(await consentOf(merged)).toEqual([]);

    const erased = await world.learnCustomer();
    await world.deliver(customerErased, { customerId: erased, erasedAt: '2026-12-24T00:00:00.000Z' });
    await world.deliver(customerConsentsChanged, { ...withdrawal, customerId: erased });
    await world.deliver(customerConsentsChanged, { ...withdrawal, customerId: randomUUID() });
    expect(await consentOf(erased)).toEqual([]);
    expect(world.deadLetters).toHaveLength(0);
  });

  it('keeps the customers’ words from analysts and the answer from staff without the link', async () => {
    const { tripId } = await completedTrip(await world.learnCustomer());
    const survey = await surveyOf(tripId);
    const read = await world.run(people.analyst, `query($id: ID!) { followUpSurvey(id: $id) { status npsReason comment customer { id } } }`, { id: survey.id });
    expect(read.data.followUpSurvey).toEqual({ status: 'SCHEDULED', npsReason: null, comment: null, customer: null });
    const link = await world.run(people.analyst, `query($id: ID!) { followUpSurveyLink(surveyId: $id) { token } }`, { id: survey.id });
    expect(link.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const notSent = await world.run(people.integration, `query($id: ID!) { followUpSurveyLink(surveyId: $id) { token } }`, { id: survey.id });
    expect(notSent.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'SCHEDULED' });
  });
  it('exports the follow-up records of a customer, merged profiles’ included, and re-points them on merge', async () => {
    const customerId = await world.learnCustomer();
    const merged = await world.learnCustomer();
    const { tripId } = await completedTrip(merged);
    world.db.clock.set('2026-12-22T00:00:00.000Z');
    await world.followUpScheduling.run();
    const { token } = await world.surveyAnswering.linkOf((await surveyOf(tripId)).id);
    await world.run(people.agent, ANSWER, { input: { token, nps: 1, npsReason: 'Lost luggage, no help.' } }, customerApp);
    await world.run(people.afterSales, `mutation($input: RecordFollowUpCallInput!) { recordFollowUpCall(input: $input) { id } }`, {
      input: { customerId: merged, outcome: 'REACHED_DISSATISFIED', note: 'Still angry about the bag.' },
    });
    await world.run(people.afterSales, `mutation($input: SetCustomerContactPreferencesInput!) { setCustomerContactPreferences(input: $input) { careOptOut } }`, {
      input: { customerId, careOptOut: true },
    });
    await world.run(people.afterSales, `mutation($input: SetCustomerContactPreferencesInput!) { setCustomerContactPreferences(input: $input) { careOptOut } }`, {
      input: { customerId: merged, followUpConsent: false },
    });
    await world.deliver(customerMerged, { survivorId: customerId, mergedId: merged, mergedBy: 'crm-carla', mergedAt: '2026-12-22T01:00:00.000Z' });

    expect((await surveyOf(tripId)).customerId).toBe(customerId);
    expect(await world.db.dataSource.getRepository(CustomerContactPreference).countBy({ customerId })).toBe(2);
    const preferences = await world.run(people.afterSales, `query { _entities(representations: [{ __typename: "Customer", id: "${customerId}" }]) { ... on Customer { contactPreferences { followUpConsent careOptOut } followUpSurveys { totalCount } followUpCalls { outcome } } } }`);
    expect(preferences.data._entities[0]).toEqual({ contactPreferences: { followUpConsent: false, careOptOut: true }, followUpSurveys: { totalCount: 1 }, followUpCalls: [{ outcome: 'REACHED_DISSATISFIED' }] });

    const exportId = randomUUID();
    await world.deliver(customerExportRequested, { exportId, customerId, requestedAt: '2026-12-22T02:00:00.000Z', expiresAt: '2027-01-22T02:00:00.000Z' });
    const document = (await world.db.dataSource.getRepository(CustomerExportPart).findOneByOrFail({ exportId })).document as Record<string, any>;
    expect(document.followUpSurveys).toEqual([expect.objectContaining({ tripId, nps: 1, npsReason: 'Lost luggage, no help.', customerId })]);
    expect(document.serviceRecoveryTasks).toEqual([expect.objectContaining({ nps: 1, customerWords: 'Why: Lost luggage, no help.' })]);
    expect(document.followUpCalls).toEqual([expect.objectContaining({ note: 'Still angry about the bag.' })]);
    expect(document.contactPreferences).toHaveLength(2);
  });

  it('gives supervisors the surveys with the words (logged) and analysts the satisfaction in figures only', async () => {
    const supervisor = { userId: 'sup-sue', roles: ['supervisor' as const] };
    const SATISFACTION = `query($from: DateTime!, $to: DateTime!) { followUpSatisfaction(from: $from, to: $to) { sent answered promoters passives detractors nps responseRate components { component ratings average } } }`;
    const window = { from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
    const before = (await world.run(people.analyst, SATISFACTION, window)).data?.followUpSatisfaction;
    const { tripId } = await completedTrip(await world.learnCustomer());
    world.db.clock.set('2026-12-22T00:00:00.000Z');
    await world.followUpScheduling.run();
    const survey = await surveyOf(tripId);
    const { token } = await world.surveyAnswering.linkOf(survey.id);
    await world.run(people.agent, ANSWER, { input: { token, nps: 10, npsReason: 'Wonderful guide', ratings: [{ component: 'GUIDE', score: 5 }] } }, customerApp);

    const after = (await world.run(people.analyst, SATISFACTION, window)).data?.followUpSatisfaction;
    expect([after.sent - before.sent, after.answered - before.answered, after.promoters - before.promoters]).toEqual([1, 1, 1]);
    expect(after.nps).toBeCloseTo((100 * (after.promoters - after.detractors)) / (after.promoters + after.passives + after.detractors), 1);
    expect(after.components.find((c: any) => c.component === 'GUIDE').ratings).toBeGreaterThan(0);
    expect((await world.run(people.analyst, SATISFACTION, { from: window.to, to: window.from })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await world.run(people.agent, SATISFACTION, window)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const read = await world.run(supervisor, `query($id: ID!) { followUpSurvey(id: $id) { npsReason customer { id } } }`, { id: survey.id });
    expect(read.data?.followUpSurvey).toEqual({ npsReason: 'Wonderful guide', customer: { id: survey.customerId } });
    const logged = await world.run({ userId: 'admin-ada', roles: ['admin'] }, `{ afterSalesPersonalDataAccessLog(first: 5) { edges { node { customerId accessedBy fields } } } }`);
    expect(logged.data?.afterSalesPersonalDataAccessLog.edges[0].node).toEqual({ customerId: survey.customerId, accessedBy: 'sup-sue', fields: ['followUpSurvey.npsReason'] });
  });
});
