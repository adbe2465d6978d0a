import { type ComplaintWorld, openComplaint, people, refusal } from '../complaint.fixture';

const SET = `mutation($input: SetComplaintFeedbackTemplateInput!) { setComplaintFeedbackTemplate(input: $input) { id name category } }`;
const DRAFT = `query($complaintId: ID!, $templateId: ID!) { complaintFeedbackDraft(complaintId: $complaintId, templateId: $templateId) { actionsTaken nextSteps unfilled } }`;

describe('complaint feedback templates (real Postgres)', () => {
  let world: ComplaintWorld;

  beforeAll(async () => {
    world = await openComplaint();
  });
  afterAll(() => world.close());

  it('lets supervisors keep templates and fills one in for a complaint, listing what it had no value for', async () => {
    const set = await world.run(people.supervisor, SET, {
      input: { name: 'Bag traced', category: 'BAGGAGE', actionsTaken: 'We traced the bag of {registrationNumber} (flight {flightNumber}).', nextSteps: 'A courier brings it to {location}; booking {bookingReference}.' },
    });
    expect(set.errors).toBeUndefined();
    await world.run(people.supervisor, SET, { input: { name: 'Any', actionsTaken: 'We looked into it.', nextSteps: 'We call you.' } });
    const complaint = await world.register(await world.learnCustomer(), { flightNumber: 'LH 721', location: null });

    const listed = await world.run(people.specialist, `{ complaintFeedbackTemplates(category: BAGGAGE) { name } }`);
    expect(listed.data?.complaintFeedbackTemplates).toEqual([{ name: 'Any' }, { name: 'Bag traced' }]);
    const draft = await world.run(people.specialist, DRAFT, { complaintId: complaint.id, templateId: set.data?.setComplaintFeedbackTemplate.id });
    expect(draft.data?.complaintFeedbackDraft).toEqual({
      actionsTaken: `We traced the bag of ${complaint.registrationNumber} (flight LH721).`,
      nextSteps: 'A courier brings it to {location}; booking ABC123.',
      unfilled: ['location'],
    });
  });

  it('refuses an unknown placeholder, and templates to specialists', async () => {
    const bad = await world.run(people.supervisor, SET, { input: { name: 'Bad', actionsTaken: 'Dear {customerName}', nextSteps: 'x' } });
    expect(refusal(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.actionsTaken' });
    expect(refusal(await world.run(people.specialist, SET, { input: { name: 'X', actionsTaken: 'x', nextSteps: 'y' } }))?.code).toBe('FORBIDDEN');
  });
});
