import { databaseUrl } from '@carebridge/config';
import { DEVELOPMENT_MASTER_KEY, EventFieldEncryption, PostgresCustomerKeyStore, UNREADABLE_TEXT } from '@carebridge/customer-keys';
import { findContract, inquiryEscalated } from '@carebridge/event-contracts';
import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';
import { DataSource } from 'typeorm';

const RECEIVE = `mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id } }`;
const LINK = `mutation($input: LinkInquiryCustomerInput!) { linkInquiryCustomer(input: $input) { id } }`;
const ESCALATE = `mutation($input: EscalateInquiryToComplaintInput!) { escalateInquiryToComplaint(input: $input) { id complaint { id } } }`;
const COMPLAINT = `query($id: ID!) { complaint(id: $id) { id description } }`;

/** A customer's personal data, marked so that any stored copy of it is found in the bytes. */
const person = (mark: string) => ({
  name: `Hanako Yamada${mark}`,
  email: `hanako.${mark.toLowerCase()}@example.jp`,
  phone: `+81 90 ${mark.slice(-4)} 2093`,
  words: `My suitcase vanished at Narita gate ${mark}`,
});

/**
 * Crypto-shredding through the whole platform: the personal data in inquiry.escalated (and every
 * other event about the customer) travels sealed with the customer's key; the complaint service
 * still registers the complaint in the customer's words; once crm erases the customer, nothing in
 * the event log or any service's outbox reads as their name, e-mail, phone or words, and another
 * customer's events still open.
 */
describe('published events after a customer is erased (crypto-shredding)', () => {
  let platform: PlatformUnderTest;
  let agent: GraphQLClient;
  let admin: GraphQLClient;
  const databases = new Map<string, DataSource>();

  beforeAll(async () => {
    platform = await startPlatformUnderTest();
    agent = platform.as('agent', 'agent-ana');
    admin = platform.as('admin', 'admin-ada');
  }, 240_000);

  afterAll(async () => {
    for (const database of databases.values()) await database.destroy().catch(() => undefined);
    await platform?.stop();
  });

  /** A database of the platform, by the variable that names it in a subgraph's environment. */
  async function database(variable: 'DATABASE_NAME' | 'EVENTS_DATABASE_NAME' | 'CUSTOMER_KEYS_DATABASE_NAME', subgraph = 'crm'): Promise<DataSource> {
    const env = platform.subgraphs.get(subgraph)?.options.env ?? {};
    const name = String(env[variable]);
    if (!databases.has(name)) databases.set(name, await new DataSource({ type: 'postgres', url: databaseUrl(String(env.DATABASE_URL), name) }).initialize());
    return databases.get(name) as DataSource;
  }

  /** Every stored event: the event log's messages and every service's outbox rows (sent ones included). */
  async function storedEvents(): Promise<{ where: string; type: string; payload: string }[]> {
    const log = await database('EVENTS_DATABASE_NAME');
    const rows: { where: string; type: string; payload: string }[] = (
      await log.query(`SELECT topic, headers->>'ce_type' AS type, convert_from(value, 'UTF8') AS payload FROM event_log`)
    ).map((r: any) => ({ where: `log ${r.topic}`, type: r.type, payload: r.payload }));
    for (const subgraph of platform.subgraphs.keys()) {
      const outbox = await database('DATABASE_NAME', subgraph);
      for (const r of await outbox.query('SELECT event_type, payload FROM outbox_event')) rows.push({ where: `${subgraph} outbox`, type: r.event_type, payload: r.payload });
    }
    return rows;
  }

  async function customerWithEscalation(mark: string, { knownAtReceipt }: { knownAtReceipt: boolean }) {
    const data = person(mark);
    const { createCustomer } = await agent.data(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { fullName: data.name, email: data.email, phone: data.phone },
    });
    const customerId: string = createCustomer.id;
    const contact = { name: data.name, email: data.email, phone: data.phone };
    const receive = (input: Record<string, unknown>) => agent.data(RECEIVE, { input: { channel: 'EMAIL', category: 'BAGGAGE', subject: `Lost bag ${mark}`, message: data.words, ...input } });
    // Known: sealed under the customer's key from the start. Unknown: under the inquiry's contact key, until linked.
    const inquiryId: string = knownAtReceipt
      ? (await eventually(() => receive({ customerId }))).receiveInquiry.id
      : (await receive({ contact })).receiveInquiry.id;
    if (!knownAtReceipt) await eventually(() => agent.data(LINK, { input: { inquiryId, customerId } }));
    const { escalateInquiryToComplaint } = await agent.data(ESCALATE, { input: { inquiryId, category: 'BAGGAGE', urgency: 'HIGH' } });
    // The complaint service opened the sealed description and conversation: the complaint is in the customer's words.
    const complaint = await eventually(async () => {
      const { complaint } = await agent.data(COMPLAINT, { id: escalateInquiryToComplaint.complaint.id });
      if (!complaint) throw new Error('not registered yet');
      return complaint;
    }, 30_000);
    expect(complaint.description).toContain(mark);
    return { customerId, inquiryId, data };
  }

  it('leaves nothing of the erased customer readable in the log or any outbox, and other customers’ events still open', async () => {
    const erased = await customerWithEscalation('QX7Z4417', { knownAtReceipt: false });
    const kept = await customerWithEscalation('KP3M8802', { knownAtReceipt: true });
    const plainTexts = (data: ReturnType<typeof person>) => [data.name, data.email, data.phone, data.phone.replace(/\s/g, ''), data.words, 'Hanako'];

    // Sealed from the start: no stored event ever held either customer's data in the clear.
    const before = await storedEvents();
    expect(before.some((e) => e.type === inquiryEscalated.type && e.payload.includes(erased.inquiryId))).toBe(true);
    for (const text of [...plainTexts(erased.data), ...plainTexts(kept.data)]) expect(before.filter((e) => e.payload.includes(text)).map((e) => `${e.where}: ${e.type}`)).toEqual([]);

    const { eraseCustomer } = await admin.data(`mutation($input: EraseCustomerInput!) { eraseCustomer(input: $input) { status } }`, {
      input: { customerId: erased.customerId, reason: 'Request by e-mail, ticket 4712' },
    });
    expect(eraseCustomer.status).toBe('ERASED');

    // crm destroys the customer's key in the erasure; the inquiry service, on customer.erased, the
    // key of the inquiry from before it was linked.
    const keys = await database('CUSTOMER_KEYS_DATABASE_NAME');
    const destroyed = async () =>
      Object.fromEntries(
        ((await keys.query('SELECT subject, wrapped_key FROM customer_key WHERE subject = ANY($1)', [[erased.customerId, `contact:${erased.inquiryId}`, kept.customerId]])) as { subject: string; wrapped_key: Buffer | null }[]).map(
          (s) => [s.subject, s.wrapped_key === null],
        ),
      );
    expect((await destroyed())[erased.customerId]).toBe(true);

    // Each producer scrubs its outbox and its topics in the log on customer.erased.
    const sealedOf = (subject: string) => new RegExp(`cbenc1\\.${subject}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+`);
    const stored = await eventually(async () => {
      if (!(await destroyed())[`contact:${erased.inquiryId}`]) throw new Error('the contact key is not destroyed yet');
      const events = await storedEvents();
      const left = events.filter((e) => sealedOf(erased.customerId).test(e.payload) || sealedOf(`contact:${erased.inquiryId}`).test(e.payload));
      if (left.length) throw new Error(`still sealed for the erased customer: ${left.map((e) => `${e.where}: ${e.type}`).join(', ')}`);
      return events;
    }, 30_000);
    expect(await destroyed()).toEqual({ [erased.customerId]: true, [`contact:${erased.inquiryId}`]: true, [kept.customerId]: false });
    for (const text of plainTexts(erased.data)) expect(stored.filter((e) => e.payload.includes(text)).map((e) => `${e.where}: ${e.type}`)).toEqual([]);
    expect(stored.some((e) => sealedOf(kept.customerId).test(e.payload))).toBe(true);

    // Read as a consumer would, with no cached keys: the erased customer's fields are placeholders, the other's open.
    const reader = new EventFieldEncryption(new PostgresCustomerKeyStore(keys, DEVELOPMENT_MASTER_KEY));
    const escalations = stored.filter((e) => e.where.startsWith('log') && e.type === inquiryEscalated.type);
    const open = async (inquiryId: string) => {
      const event = escalations.find((e) => e.payload.includes(inquiryId));
      return reader.open(inquiryEscalated, JSON.parse(String(event?.payload)));
    };
    const ofErased = await open(erased.inquiryId);
    expect(ofErased.unreadable).toEqual(expect.arrayContaining(['description', 'conversation']));
    expect(ofErased.data).toMatchObject({ description: UNREADABLE_TEXT, conversation: [] });
    const ofKept = await open(kept.inquiryId);
    expect(ofKept.unreadable).toEqual([]);
    expect(ofKept.data.description).toContain(kept.data.words);
    // Every other sealed event of the kept customer opens too.
    for (const event of stored.filter((e) => e.where.startsWith('log') && sealedOf(kept.customerId).test(e.payload))) {
      const contract = findContract(event.type, 1);
      if (contract) expect((await reader.open(contract, JSON.parse(event.payload))).unreadable).toEqual([]);
    }
  }, 180_000);
});
