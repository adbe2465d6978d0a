import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';

/**
 * crm through the gateway (T-1.6, T-2, A-3.4, A-5.3). Every flow here goes through the gateway as
 * a client app would: profile life, duplicates and merge, masking per role with the access log,
 * the points ledger, coupons, a reward campaign (its job run through the test controls), key
 * accounts, follow-ups scheduled by hand, the cross-service data export and erasure.
 *
 * The follow-up scheduled when a complaint is closed and the compensation credited from
 * complaint.resolved run end to end in departments.spec.ts.
 */
const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id fullName email phone tier tierRule completeness profileGaps } }`;
const REGISTER_COMPLAINT = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }`;

describe('crm through the gateway', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let manager: GraphQLClient;
  let analyst: GraphQLClient;
  let admin: GraphQLClient;

  beforeAll(async () => {
    platform = await startPlatformUnderTest();
    agent = platform.as('agent', 'agent-ana');
    manager = platform.as('crm_manager', 'manager-max');
    analyst = platform.as('analyst', 'analyst-ali');
    admin = platform.as('admin', 'admin-ada');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  async function create(input: Record<string, unknown>, client = agent) {
    return (await client.data(CREATE, { input: { preferredLanguage: 'en', ...input } })).createCustomer;
  }

  it('keeps a profile complete and current: preferences, contacts, documents, verification', async () => {
    const created = await create({ fullName: 'Sophie Martin', email: 'sophie.martin@example.fr', marketingConsent: true });
    expect(created).toMatchObject({ tier: 'STANDARD', tierRule: 'DEFAULT', completeness: 27 });
    await agent.data(
      `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }`,
      { input: { id: created.id, preferredChannel: 'EMAIL', preferences: { seat: 'AISLE', meal: 'VGML', destinations: ['Lisbon'], budgetBand: 'MID_RANGE', travelStyles: ['CITY'] } } },
    );
    await agent.data(`mutation($input: AddCustomerContactInput!) { addCustomerContact(input: $input) { id } }`, {
      input: { customerId: created.id, kind: 'PHONE', value: '+33 6 12 34 56 78', label: 'mobile' },
    });
    const { addTravelDocument } = await agent.data(
      `mutation($input: AddTravelDocumentInput!) { addTravelDocument(input: $input) { completeness profileGaps phone contacts { kind value isPrimary label } documents { kind number expiresOn } } }`,
      { input: { customerId: created.id, kind: 'PASSPORT', number: '19AB12345', issuingCountry: 'FR', expiresOn: '2031-06-30' } },
    );
    expect(addTravelDocument).toMatchObject({ completeness: 100, profileGaps: [], phone: '+33612345678', documents: [{ kind: 'PASSPORT', number: '19AB12345' }] });
    expect(addTravelDocument.contacts).toEqual([
      { kind: 'EMAIL', value: 'sophie.martin@example.fr', isPrimary: true, label: null },
      { kind: 'PHONE', value: '+33612345678', isPrimary: true, label: 'mobile' },
    ]);
    const bad = await agent.request(`mutation($input: AddTravelDocumentInput!) { addTravelDocument(input: $input) { id } }`, {
      input: { customerId: created.id, kind: 'PASSPORT', number: '19AB12346', issuingCountry: 'france' },
    });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.issuingCountry' });

    const { recommendations } = (await agent.data(`query($id: ID!) { customer(id: $id) { recommendations { rule title reason } } }`, { id: created.id })).customer;
    expect(recommendations[0]).toMatchObject({ rule: 'DESTINATION', title: 'City break to Lisbon in the mid-range range' });
  });

  it('lists profiles due for verification once CRM_VERIFY_AFTER_DAYS have passed', async () => {
    const created = await create({ fullName: 'Olga Ivanova', email: 'olga.ivanova@example.com' });
    const due = async () =>
      (await agent.data(`{ customersDueForVerification(first: 100) { edges { node { id } } } }`)).customersDueForVerification.edges.map((e: any) => e.node.id);
    expect(await due()).not.toContain(created.id);
    await platform.setTime(new Date(Date.now() + 400 * 86_400_000));
    try {
      expect(await due()).toContain(created.id);
      await agent.data(`mutation($input: VerifyCustomerInput!) { verifyCustomer(input: $input) { id } }`, { input: { customerId: created.id } });
      expect(await due()).not.toContain(created.id);
    } finally {
      await platform.setTime(new Date());
    }
  });

  it('finds a duplicate and merges it, keeping its history', async () => {
    const survivor = await create({ fullName: 'Carlos Mendoza', email: 'carlos.mendoza@example.mx' });
    const duplicate = await create({ fullName: 'Carlos Mendoza Ruiz', email: 'Carlos.Mendoza@example.mx', phone: '+52 55 1234 5678' });
    await agent.data(`mutation($input: EarnLoyaltyPointsInput!) { earnLoyaltyPoints(input: $input) { id } }`, {
      input: { customerId: duplicate.id, points: 200, reason: 'Booking MX-1', idempotencyKey: `booking:${duplicate.id}` },
    });
    const { customer } = await agent.data(`query($id: ID!) { customer(id: $id) { possibleDuplicates { reasons customer { id } } } }`, { id: survivor.id });
    expect(customer.possibleDuplicates).toEqual([{ reasons: ['SAME_EMAIL', 'SIMILAR_NAME'], customer: { id: duplicate.id } }]);

    const refused = await agent.request(`mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { id } }`, { input: { survivorId: survivor.id, duplicateId: duplicate.id } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { mergeCustomers } = await manager.data(
      `mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { id phone loyaltyBalance mergedProfiles { mergedId mergedBy } } }`,
      { input: { survivorId: survivor.id, duplicateId: duplicate.id } },
    );
    expect(mergeCustomers).toEqual({ id: survivor.id, phone: '+525512345678', loyaltyBalance: 200, mergedProfiles: [{ mergedId: duplicate.id, mergedBy: 'manager-max' }] });
    const merged = await agent.data(`query($id: ID!) { customer(id: $id) { status mergedIntoId } }`, { id: duplicate.id });
    expect(merged.customer).toEqual({ status: 'MERGED', mergedIntoId: survivor.id });
  });

  it('masks contact details and documents per role, and logs every unmasked read for admins to query', async () => {
    const created = await create({ fullName: 'Aiko Tanaka', email: 'aiko.tanaka@example.jp', phone: '+81 90 1234 5678' });
    await agent.data(`mutation($input: AddTravelDocumentInput!) { addTravelDocument(input: $input) { id } }`, {
      input: { customerId: created.id, kind: 'PASSPORT', number: 'TK7654321', issuingCountry: 'JP' },
    });
    const query = `query($id: ID!) { customer(id: $id) { email phone contacts { value } documents { number } } }`;
    const masked = (await analyst.data(query, { id: created.id })).customer;
    expect(masked).toEqual({ email: 'a***@example.jp', phone: '+*********678', contacts: [{ value: 'a***@example.jp' }, { value: '+*********678' }], documents: [{ number: '******321' }] });
    const logQuery = `query($c: ID) { personalDataAccessLog(filter: { customerId: $c }) { totalCount edges { node { accessedBy accessorRoles fields purpose } } } }`;
    const before = (await admin.data(logQuery, { c: created.id })).personalDataAccessLog.totalCount;

    await platform.as('after_sales', 'after-sales-asa').data(query, { id: created.id });
    await analyst.data(query, { id: created.id });
    const log = (await admin.data(logQuery, { c: created.id })).personalDataAccessLog;
    expect(log.totalCount).toBe(before + 1);
    expect(log.edges[0].node).toEqual({ accessedBy: 'after-sales-asa', accessorRoles: ['after_sales'], fields: ['contacts.value', 'documents.number', 'email', 'phone'], purpose: 'READ' });
    expect((await manager.request(logQuery, { c: created.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the points ledger non-negative and books each idempotency key once', async () => {
    const created = await create({ fullName: 'Priya Sharma', email: 'priya.sharma@example.in' });
    const earn = `mutation($input: EarnLoyaltyPointsInput!) { earnLoyaltyPoints(input: $input) { id balanceAfter } }`;
    const input = { customerId: created.id, points: 300, reason: 'Booking IN-77', idempotencyKey: `booking:IN-77:${created.id}` };
    const [first, second] = await Promise.all([agent.data(earn, { input }), agent.data(earn, { input })]);
    expect(second.earnLoyaltyPoints.id).toBe(first.earnLoyaltyPoints.id);
    const tooMuch = await agent.request(`mutation($input: RedeemLoyaltyPointsInput!) { redeemLoyaltyPoints(input: $input) { id } }`, {
      input: { customerId: created.id, points: 301, reason: 'Upgrade', idempotencyKey: `redeem:${created.id}` },
    });
    expect(tooMuch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.points' });
    const adjustByAgent = await agent.request(`mutation($input: AdjustLoyaltyPointsInput!) { adjustLoyaltyPoints(input: $input) { id } }`, {
      input: { customerId: created.id, points: 50, reason: 'Goodwill', idempotencyKey: `adjust:${created.id}` },
    });
    expect(adjustByAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { customer } = await agent.data(`query($id: ID!) { customer(id: $id) { loyaltyBalance loyaltyLedger { totalCount edges { node { kind points } } } } }`, { id: created.id });
    expect(customer).toEqual({ loyaltyBalance: 300, loyaltyLedger: { totalCount: 1, edges: [{ node: { kind: 'EARN', points: 300 } }] } });
  });

  it('redeems a coupon once and refuses the second redemption with CONFLICT', async () => {
    const created = await create({ fullName: 'Emma Johansson', email: 'emma.johansson@example.se' });
    const { issueCoupon } = await manager.data(`mutation($input: IssueCouponInput!) { issueCoupon(input: $input) { code status valueType value currency } }`, {
      input: { customerId: created.id, valueType: 'AMOUNT', value: '50', currency: 'SEK', validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(), conditions: 'Any flight' },
    });
    expect(issueCoupon).toMatchObject({ status: 'ACTIVE', value: '50.00', currency: 'SEK' });
    const redeem = `mutation($input: RedeemCouponInput!) { redeemCoupon(input: $input) { status bookingReference } }`;
    expect((await agent.data(redeem, { input: { code: issueCoupon.code, bookingReference: 'SE-1' } })).redeemCoupon).toEqual({ status: 'REDEEMED', bookingReference: 'SE-1' });
    const again = await agent.request(redeem, { input: { code: issueCoupon.code, bookingReference: 'SE-2' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'REDEEMED' });
  });

  it('grants a reward campaign to its segment once, through the campaign-rewards job', async () => {
    const tag = `spring-${Date.now()}`;
    const member = await create({ fullName: 'Zhang Min', phone: '+86 139 1234 5678', tags: [tag], marketingConsent: true });
    const { createCampaign } = await manager.data(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id status } }`, {
      input: {
        name: 'Spring loyalty bonus',
        segment: { tags: [tag] },
        rewardPoints: 150,
        startsAt: new Date(Date.now() - 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    });
    expect(createCampaign.status).toBe('DRAFT');
    await manager.data(`mutation($input: LaunchCampaignInput!) { launchCampaign(input: $input) { status } }`, { input: { campaignId: createCampaign.id } });
    expect((await platform.runJob('crm', 'campaign-rewards')).result).toMatchObject({ granted: 1 });
    expect((await platform.runJob('crm', 'campaign-rewards')).result).toMatchObject({ granted: 0 });
    const { customer } = await agent.data(`query($id: ID!) { customer(id: $id) { loyaltyBalance } }`, { id: member.id });
    expect(customer.loyaltyBalance).toBe(150);
    const { campaign } = await manager.data(`query($id: ID!) { campaign(id: $id) { grantedCount segmentSize } }`, { id: createCampaign.id });
    expect(campaign).toEqual({ grantedCount: 1, segmentSize: 1 });
  });

  it('gives key-account members their agreed tier and their follow-ups to the account manager; lists overdue follow-ups per owner', async () => {
    const member = await create({ fullName: 'Astrid Lund', email: 'astrid.lund@example.se' });
    const { createKeyAccount } = await manager.data(`mutation($input: CreateKeyAccountInput!) { createKeyAccount(input: $input) { id } }`, {
      input: { name: `Nordic Pharma ${member.id.slice(0, 8)}`, accountManagerId: 'kam-kim', serviceTerms: { responseTimeHours: 2, dedicatedHotline: true }, memberTier: 'GOLD' },
    });
    await manager.data(`mutation($input: AddKeyAccountMemberInput!) { addKeyAccountMember(input: $input) { id } }`, { input: { keyAccountId: createKeyAccount.id, customerId: member.id, position: 'CEO' } });
    const { scheduleFollowUp } = await agent.data(`mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id ownerId status reason } }`, {
      input: { customerId: member.id, kind: 'VISIT', dueAt: new Date(Date.now() + 86_400_000).toISOString(), purpose: 'Contract renewal' },
    });
    expect(scheduleFollowUp).toMatchObject({ ownerId: 'kam-kim', status: 'SCHEDULED', reason: 'MANUAL' });
    const profile = await agent.data(`query($id: ID!) { customer(id: $id) { tier tierRule keyAccount { accountManagerId } } }`, { id: member.id });
    expect(profile.customer).toEqual({ tier: 'GOLD', tierRule: 'KEY_ACCOUNT', keyAccount: { accountManagerId: 'kam-kim' } });

    await platform.setTime(new Date(Date.now() + 3 * 86_400_000));
    try {
      const overdue = (await agent.data(`{ overdueFollowUpsByOwner { ownerId overdue } }`)).overdueFollowUpsByOwner;
      expect(overdue).toContainEqual({ ownerId: 'kam-kim', overdue: 1 });
      const { completeFollowUp } = await agent.data(`mutation($input: CompleteFollowUpInput!) { completeFollowUp(input: $input) { status outcome satisfactionScore completedBy } }`, {
        input: { followUpId: scheduleFollowUp.id, outcome: 'REACHED', satisfactionScore: 5, newNeeds: 'Team offsite in Lisbon in May' },
      });
      expect(completeFollowUp).toEqual({ status: 'COMPLETED', outcome: 'REACHED', satisfactionScore: 5, completedBy: 'agent-ana' });
    } finally {
      await platform.setTime(new Date());
    }
    const history = await agent.data(`query($id: ID!) { customer(id: $id) { interactions { edges { node { kind summary } } } } }`, { id: member.id });
    expect(history.customer.interactions.edges.map((e: any) => e.node.kind)).toEqual(['FOLLOW_UP', 'FOLLOW_UP']);
  });

  it('withholds the export’s document while a service is down, naming it, rather than hand out an incomplete one', async () => {
    const created = await create({ fullName: 'Ines Duarte', email: 'ines.duarte@example.pt' });
    const REQUEST = `mutation($input: RequestCustomerDataExportInput!) { requestCustomerDataExport(input: $input) { id } }`;
    const { requestCustomerDataExport: requested } = await manager.data(REQUEST, { input: { customerId: created.id, reason: 'Online form, ticket 5120' } });
    await eventually(async () => {
      const { customerDataExport } = await manager.data(`query($id: ID!) { customerDataExport(id: $id) { status } }`, { id: requested.id });
      if (customerDataExport.status !== 'COMPLETE') throw new Error(`export is ${customerDataExport.status}`);
    });
    const EXPORT = `query($id: ID!) { customerDataExport(id: $id) { status document } }`;
    const inquiry = platform.subgraphs.get('inquiry');
    await inquiry?.stop();
    try {
      const result = await manager.request(EXPORT, { id: requested.id });
      expect(result.data?.customerDataExport).toEqual({ status: 'COMPLETE', document: null });
      expect(result.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'inquiry' });
    } finally {
      await inquiry?.start();
    }
    const { customerDataExport } = await eventually(() => manager.data(EXPORT, { id: requested.id }));
    expect(customerDataExport.document).toMatchObject({ complete: true, services: { inquiry: { service: 'inquiry', recordCount: 0 } } });
  });

  it('exports everything every service holds about a customer as one document, then erases them everywhere', async () => {
    const created = await create({ fullName: 'Kwame Mensah', email: 'kwame.mensah@example.gh', phone: '+233 24 123 4567' });
    const complaint = {
      customerId: created.id,
      channel: 'PHONE',
      category: 'REFUND',
      urgency: 'LOW',
      description: 'My refund has not arrived.',
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
    };
    await eventually(async () => agent.data(REGISTER_COMPLAINT, { input: complaint }));
    const inquiry = { channel: 'EMAIL', category: 'SPECIAL_SERVICES', subject: 'Seat on my Accra flight', message: 'Can I have an aisle seat on KQ 512?', customerId: created.id };
    await eventually(async () => agent.data(`mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id } }`, { input: inquiry }));

    const REQUEST = `mutation($input: RequestCustomerDataExportInput!) { requestCustomerDataExport(input: $input) { id status parts { service status } } }`;
    const bad = await manager.request(REQUEST, { input: { customerId: created.id, reason: '' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(bad.errors?.[0].message).toContain('input.reason');
    expect((await agent.request(REQUEST, { input: { customerId: created.id, reason: 'Asked on the phone' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { requestCustomerDataExport: requested } = await manager.data(REQUEST, { input: { customerId: created.id, reason: 'Letter of 2026-11-01, ticket 4711' } });
    expect(requested.status).toBe('COLLECTING');

    // complaint, inquiry, after-sales and communication prepare their parts from customer.export_requested; the gateway brings them to `document`.
    const EXPORT = `query($id: ID!) { customerDataExport(id: $id) { status parts { service status recordCount } document } }`;
    const exported = await eventually(async () => {
      const { customerDataExport } = await manager.data(EXPORT, { id: requested.id });
      if (customerDataExport.status !== 'COMPLETE') throw new Error(`export is ${customerDataExport.status}`);
      return customerDataExport;
    });
    expect(exported.parts.map((p: any) => [p.service, p.status])).toEqual([
      ['crm', 'PREPARED'],
      ['complaint', 'PREPARED'],
      ['inquiry', 'PREPARED'],
      ['after-sales', 'PREPARED'],
      ['communication', 'PREPARED'],
    ]);
    const { document } = exported;
    expect(document).toMatchObject({ format: 'carebridge.customer-export/v1', customerId: created.id, complete: true, missingServices: [] });
    expect(document.services.crm.customer).toMatchObject({ fullName: 'Kwame Mensah', email: 'kwame.mensah@example.gh' });
    expect(document.services.crm.contacts).toHaveLength(2);
    expect(document.services.complaint).toMatchObject({ service: 'complaint', customerId: created.id });
    expect(JSON.stringify(document.services.complaint)).toContain('My refund has not arrived.');
    expect(document.services.inquiry).toMatchObject({ service: 'inquiry', customerId: created.id });
    expect(JSON.stringify(document.services.inquiry)).toContain('Can I have an aisle seat on KQ 512?');
    expect(document.services['after-sales']).toMatchObject({ service: 'after-sales', customerId: created.id });
    // The parts are only reachable through `document`.
    expect((await manager.request(`query($id: ID!) { customerDataExport(id: $id) { complaint } }`, { id: requested.id })).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const log = await admin.data(`query($c: ID) { personalDataAccessLog(filter: { customerId: $c }) { edges { node { accessedBy purpose } } } }`, { c: created.id });
    expect(log.personalDataAccessLog.edges.map((e: any) => e.node)).toContainEqual({ accessedBy: 'manager-max', purpose: 'EXPORT' });

    const erase = `mutation($input: EraseCustomerInput!) { eraseCustomer(input: $input) { status fullName email phone contacts { value } } }`;
    expect((await manager.request(erase, { input: { customerId: created.id, reason: 'Ticket 4711' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { eraseCustomer } = await admin.data(erase, { input: { customerId: created.id, reason: 'Request by e-mail, ticket 4711' } });
    expect(eraseCustomer).toEqual({ status: 'ERASED', fullName: 'Erased customer', email: null, phone: null, contacts: [] });
    expect((await agent.data(`query($s: String) { customers(search: $s) { totalCount } }`, { s: 'Kwame' })).customers.totalCount).toBe(0);

    expect((await manager.request(EXPORT, { id: requested.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // The complaint service learns of the erasure from customer.erased and no longer accepts complaints for the customer.
    await eventually(async () => {
      const result = await agent.request(REGISTER_COMPLAINT, { input: complaint });
      if (result.errors?.[0].extensions?.field !== 'input.customerId') throw new Error('complaint service has not processed customer.erased yet');
    });
  });
});
