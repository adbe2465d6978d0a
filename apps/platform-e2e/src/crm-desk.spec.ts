import { type GraphQLClient, type PlatformUnderTest, sharedPlatformUnderTest } from '@carebridge/testing';

describe('the crm desk through the gateway: duplicates under another spelling, merge preview and choices, campaign grant plans, follow-ups', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let manager: GraphQLClient;
  let supervisor: GraphQLClient;
  let analyst: GraphQLClient;

  beforeAll(async () => {
    platform = await sharedPlatformUnderTest();
    agent = platform.as('agent', 'agent-ana');
    manager = platform.as('crm_manager', 'manager-max');
    supervisor = platform.as('supervisor', 'sup-sue');
    analyst = platform.as('analyst', 'analyst-ali');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  async function create(input: Record<string, unknown>): Promise<string> {
    const { createCustomer } = await agent.data(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input });
    return createCustomer.id;
  }

  it('finds the same person under another script, spelling or phone format, previews the merge and keeps the chosen name and contacts', async () => {
    const original = await create({ fullName: '王芳', email: 'wang.fang@example.cn', phone: '+86 139 0000 1111' });
    const latin = await create({ fullName: 'Fang WANG', email: 'fang.w@example.com', phone: '+86 139 0000 2222' });
    const { customer } = await agent.data(`query($id: ID!) { customer(id: $id) { possibleDuplicates { customer { id } reasons } } }`, { id: original });
    expect(customer.possibleDuplicates).toEqual([{ customer: { id: latin }, reasons: ['SIMILAR_NAME'] }]);

    const PREVIEW = `query($s: ID!, $d: ID!) { customerMergePreview(survivorId: $s, duplicateId: $d) { survivor { id fullName } duplicate { id fullName } moves { section records } filledFields } }`;
    expect((await agent.request(PREVIEW, { s: original, d: latin })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { customerMergePreview } = await manager.data(PREVIEW, { s: original, d: latin });
    expect(customerMergePreview).toMatchObject({ survivor: { id: original, fullName: '王芳' }, duplicate: { id: latin, fullName: 'Fang WANG' } });
    expect(customerMergePreview.moves).toEqual(expect.arrayContaining([{ section: 'contacts', records: 2 }]));
    // Nothing changed by the preview.
    expect((await agent.data(`query($id: ID!) { customer(id: $id) { status } }`, { id: latin })).customer.status).toBe('ACTIVE');

    const { mergeCustomers } = await manager.data(`mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { id fullName email phone contacts { kind value isPrimary } } }`, {
      input: { survivorId: original, duplicateId: latin, keep: { fullName: 'DUPLICATE', email: 'SURVIVOR', phone: 'DUPLICATE' } },
    });
    expect(mergeCustomers).toMatchObject({ id: original, fullName: 'Fang WANG', email: 'wang.fang@example.cn', phone: '+8613900002222' });
    expect(mergeCustomers.contacts).toHaveLength(4);
  });

  it('says what launching a campaign will grant and when', async () => {
    const tag = `autumn-${Date.now()}`;
    await create({ fullName: 'Zhang Min', email: 'zhang.min@example.cn', tags: [tag], marketingConsent: true });
    await create({ fullName: 'Chen Jie', email: 'chen.jie@example.cn', tags: [tag], marketingConsent: true });
    const { createCampaign } = await manager.data(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, {
      input: { name: 'Autumn bonus', segment: { tags: [tag] }, rewardPoints: 200, startsAt: new Date(Date.now() - 3600_000).toISOString(), endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    });
    const { launchCampaign } = await manager.data(
      `mutation($input: LaunchCampaignInput!) { launchCampaign(input: $input) { status grantedCount grantPlan { customersToReward pointsEach totalPoints firstGrantsAt allRewardedBy grantsUntil } } }`,
      { input: { campaignId: createCampaign.id } },
    );
    expect(launchCampaign).toMatchObject({ status: 'ACTIVE', grantedCount: 0, grantPlan: { customersToReward: 2, pointsEach: 200, totalPoints: 400 } });
    expect(new Date(launchCampaign.grantPlan.firstGrantsAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await platform.runJob('crm', 'campaign-rewards')).result).toMatchObject({ granted: 2 });
    const { campaign } = await manager.data(`query($id: ID!) { campaign(id: $id) { grantedCount grantPlan { customersToReward } } }`, { id: createCampaign.id });
    expect(campaign).toEqual({ grantedCount: 2, grantPlan: { customersToReward: 0 } });
  });

  it('lists follow-ups with their customer for supervisors; analysts read post-trip satisfaction in figures', async () => {
    const customerId = await create({ fullName: 'Astrid Lund', email: 'astrid.lund@example.se' });
    await agent.data(`mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }`, {
      input: { customerId, kind: 'CALL', dueAt: new Date(Date.now() + 86_400_000).toISOString(), purpose: 'How was Lisbon?' },
    });
    const { followUps } = await supervisor.data(`query($id: ID!) { followUps(filter: { customerId: $id }) { edges { node { purpose customer { id fullName } } } } }`, { id: customerId });
    expect(followUps.edges).toEqual([{ node: { purpose: 'How was Lisbon?', customer: { id: customerId, fullName: 'Astrid Lund' } } }]);
    const { followUpSatisfaction } = await analyst.data(`{ followUpSatisfaction(from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z") { sent answered nps components { component } } }`);
    expect(followUpSatisfaction).toMatchObject({ sent: expect.any(Number), answered: expect.any(Number) });
  });
});
