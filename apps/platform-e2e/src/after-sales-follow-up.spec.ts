import { eventually, type GraphQLClient, type PlatformUnderTest, sharedPlatformUnderTest } from '@carebridge/testing';

const ANSWER = `mutation($input: AnswerFollowUpSurveyInput!) { answerFollowUpSurvey(input: $input) { surveyId answeredAt followUpPlanned } }`;

/**
 * Post-trip follow-up through the gateway (T-4.1): a completed trip leads to a survey; the
 * customer answers from the signed link in a customer app, with no token; a detractor answer opens a
 * service-recovery task; after-sales turns it into a complaint with one action, which the complaint
 * service registers in the customer's words.
 */
describe('post-trip follow-up, seen through the gateway', () => {
  let platform: PlatformUnderTest;
  let afterSales: GraphQLClient;
  let reservationSystem: GraphQLClient;
  let specialist: GraphQLClient;
  let customerApp: GraphQLClient;

  beforeAll(async () => {
    platform = await sharedPlatformUnderTest();
    afterSales = platform.as('after_sales', 'as-alex');
    reservationSystem = platform.as('integration', 'reservation-system');
    specialist = platform.as('complaint_specialist', 'spec-sam');
    customerApp = platform.anonymous();
    await platform.setTime('2026-11-22T09:00:00.000Z');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('turns a completed trip into a survey, a detractor answer into a recovery task, and the task into a complaint', async () => {
    const { createCustomer: customer } = await platform.as('agent', 'agent-ana').data(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { fullName: 'Lucía Fernández', email: 'lucia.fernandez@example.es', phone: '+34 612 345 678' },
    });

    // The reservation system imports the booking as completed, once after-sales knows the customer.
    await eventually(() =>
      reservationSystem.data(`mutation($input: ImportBookingsInput!) { importBookings(input: $input) { imported } }`, {
        input: {
          bookings: [
            {
              bookingReference: 'FUP123',
              customerId: customer.id,
              status: 'COMPLETED',
              changedAt: '2026-11-21T08:00:00.000Z',
              segments: [
                { kind: 'FLIGHT', carrier: 'IB', flightNumber: '3245', origin: 'MAD', destination: 'BCN', departureAt: '2026-11-14T08:00:00.000Z', arrivalAt: '2026-11-14T09:20:00.000Z' },
                { kind: 'HOTEL', name: 'Hotel Arts', city: 'Barcelona', countryCode: 'ES', checkInAt: '2026-11-14T14:00:00.000Z', checkOutAt: '2026-11-20T10:00:00.000Z' },
                { kind: 'FLIGHT', carrier: 'IB', flightNumber: '3246', origin: 'BCN', destination: 'MAD', departureAt: '2026-11-20T16:00:00.000Z', arrivalAt: '2026-11-20T17:20:00.000Z' },
              ],
            },
          ],
        },
      }),
    );

    // trip.completed schedules the follow-up, due 48 hours after the return.
    const survey = await eventually(async () => {
      const { followUpSurveys } = await afterSales.data(`query($id: ID!) { followUpSurveys(filter: { customerId: $id }) { edges { node { id status dueAt components } } } }`, { id: customer.id });
      if (!followUpSurveys.edges.length) throw new Error('no survey yet');
      return followUpSurveys.edges[0].node;
    });
    expect(survey).toMatchObject({ status: 'SCHEDULED', dueAt: '2026-11-22T17:20:00.000Z', components: ['FLIGHT', 'HOTEL'] });

    await platform.setTime('2026-11-22T18:00:00.000Z');
    expect((await platform.runJob('after-sales', 'follow-up-surveys')).result).toMatchObject({ sent: 1 });

    // The communication service fetches the signed link; the customer's app answers with it alone.
    const { followUpSurveyLink: link } = await reservationSystem.data(`query($id: ID!) { followUpSurveyLink(surveyId: $id) { token expiresAt } }`, { id: survey.id });
    const answer = {
      token: link.token,
      nps: 2,
      npsReason: 'Our room at the hotel smelled of smoke and they would not move us.',
      ratings: [
        { component: 'FLIGHT', score: 4 },
        { component: 'HOTEL', score: 1 },
      ],
      comment: 'We will not book this hotel again.',
    };

    // Without a token nothing else passes; bad input is refused naming the field.
    const snooping = await customerApp.request(`query($id: ID!) { customer(id: $id) { fullName } }`, { id: customer.id });
    expect(snooping.status).toBe(401);
    expect(snooping.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const piggyback = await customerApp.request(`mutation($input: AnswerFollowUpSurveyInput!) { answerFollowUpSurvey(input: $input) { surveyId } other: answerFollowUpSurvey(input: $input) { surveyId } }`, { input: answer });
    expect(piggyback.status).toBe(401);
    const outOfRange = await customerApp.request(ANSWER, { input: { ...answer, nps: 11 } });
    expect(outOfRange.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nps' });
    const forged = await customerApp.request(ANSWER, { input: { ...answer, token: `${link.token.slice(0, -3)}abc` } });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.token' });

    await platform.setTime('2026-11-23T10:00:00.000Z');
    const answered = await customerApp.request(ANSWER, { input: answer });
    expect(answered).toMatchObject({ status: 200, data: { answerFollowUpSurvey: { surveyId: survey.id, answeredAt: expect.stringMatching(/^2026-11-23T10:00/), followUpPlanned: true } } });
    const replay = await customerApp.request(ANSWER, { input: { ...answer, nps: 10 } });
    expect(replay.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.token', problems: [expect.objectContaining({ rule: 'used' })] });

    // The detractor answer opened a service-recovery task for after-sales, due within 48 hours.
    const { serviceRecoveryTasks } = await afterSales.data(
      `query($id: ID!) { serviceRecoveryTasks(filter: { customerId: $id }) { totalCount edges { node { id status reasons lowComponents dueAt overdue assignedTeam customer { fullName } } } } }`,
      { id: customer.id },
    );
    expect(serviceRecoveryTasks.totalCount).toBe(1);
    const task = serviceRecoveryTasks.edges[0].node;
    expect(task).toMatchObject({
      status: 'OPEN',
      reasons: ['DETRACTOR', 'LOW_COMPONENT_RATING'],
      lowComponents: ['HOTEL'],
      // 48 hours after the answer (the platform's clock runs on from the time set).
      dueAt: expect.stringMatching(/^2026-11-25T10:00/),
      overdue: false,
      assignedTeam: 'after_sales',
      customer: { fullName: 'Lucía Fernández' },
    });

    // One action makes it a complaint; the complaint service registers it in the customer's words.
    const { escalateServiceRecovery } = await afterSales.data(`mutation($input: EscalateServiceRecoveryInput!) { escalateServiceRecovery(input: $input) { status } }`, {
      input: { taskId: task.id, category: 'ACCOMMODATION', urgency: 'HIGH' },
    });
    expect(escalateServiceRecovery.status).toBe('ESCALATED');
    const complaint = await eventually(async () => {
      const { customer: current } = await specialist.data(`query($id: ID!) { customer(id: $id) { complaints { totalCount edges { node { status category urgency channel description } } } } }`, {
        id: customer.id,
      });
      if (current.complaints.totalCount !== 1) throw new Error('no complaint yet');
      return current.complaints.edges[0].node;
    });
    expect(complaint).toMatchObject({ status: 'REGISTERED', category: 'ACCOMMODATION', urgency: 'HIGH', channel: 'WEB_FORM' });
    expect(complaint.description).toContain(answer.npsReason);
    expect(complaint.description).toContain(answer.comment);
  });

  it("follows crm's consent: a withdrawal in crm reaches the customer's contact preferences in after-sales", async () => {
    const agent = platform.as('agent', 'agent-ana');
    const { createCustomer: customer } = await agent.data(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { fullName: 'Jonas Berg', email: 'jonas.berg@example.se' },
    });
    const preferences = async () =>
      (await afterSales.data(`query($id: ID!) { customer(id: $id) { contactPreferences { followUpConsent } } }`, { id: customer.id })).customer.contactPreferences;
    expect(await preferences()).toEqual({ followUpConsent: true });
    await eventually(() => agent.data(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { followUpConsent } }`, { input: { id: customer.id, followUpConsent: false } }));
    await eventually(async () => expect(await preferences()).toEqual({ followUpConsent: false }));
  });
});
