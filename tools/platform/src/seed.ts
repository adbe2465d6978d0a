import { signDevelopmentToken } from '@carebridge/auth';

/**
 * Demo data through the gateway, as client apps would enter it: customers of a travel company
 * and an airline, complaints about their trips and inquiries waiting in the agents' queue. Running it twice adds nothing the second time.
 */
const CUSTOMERS = [
  { fullName: 'Li Wei', email: 'li.wei@example.com', phone: '+86 138 0013 8000', preferredLanguage: 'zh-CN', tier: 'GOLD' },
  { fullName: 'Sophie Martin', email: 'sophie.martin@example.fr', phone: '+33 6 12 34 56 78', preferredLanguage: 'fr', tier: 'SILVER' },
  { fullName: 'Hans Becker', email: 'h.becker@example.de', phone: '+49 151 2345 6789', preferredLanguage: 'de', tier: 'STANDARD' },
  { fullName: 'Aiko Tanaka', email: 'aiko.tanaka@example.jp', phone: '+81 90 1234 5678', preferredLanguage: 'ja', tier: 'VIP' },
  { fullName: 'Carlos Mendoza', email: 'carlos.mendoza@example.mx', phone: '+52 55 1234 5678', preferredLanguage: 'es', tier: 'STANDARD' },
  { fullName: 'Priya Sharma', email: 'priya.sharma@example.in', phone: '+91 98765 43210', preferredLanguage: 'en', tier: 'GOLD' },
  { fullName: 'James O’Connor', email: 'james.oconnor@example.ie', phone: '+353 87 123 4567', preferredLanguage: 'en', tier: 'SILVER' },
  { fullName: 'Fatima Al-Sayed', email: 'fatima.alsayed@example.ae', phone: '+971 50 123 4567', preferredLanguage: 'ar', tier: 'VIP' },
  { fullName: 'Olga Ivanova', email: 'olga.ivanova@example.com', phone: null, preferredLanguage: 'ru', tier: 'STANDARD' },
  { fullName: 'Zhang Min', email: null, phone: '+86 139 1234 5678', preferredLanguage: 'zh-CN', tier: 'STANDARD' },
  { fullName: 'Emma Johansson', email: 'emma.johansson@example.se', phone: '+46 70 123 45 67', preferredLanguage: 'sv', tier: 'SILVER' },
  { fullName: 'Kwame Mensah', email: 'kwame.mensah@example.gh', phone: '+233 24 123 4567', preferredLanguage: 'en', tier: 'STANDARD' },
];

const COMPLAINTS = [
  { customer: 0, channel: 'PHONE', category: 'BAGGAGE', urgency: 'HIGH', description: 'My suitcase did not arrive in Frankfurt on LH 721 and nobody at the desk could tell me where it is.', location: 'FRA Terminal 1', people: [{ kind: 'FLIGHT', name: 'LH 721' }] },
  { customer: 1, channel: 'EMAIL', category: 'ACCOMMODATION', urgency: 'MEDIUM', description: 'The hotel in Rome gave us a room facing a construction site although we booked a quiet courtyard room.', location: 'Rome', people: [{ kind: 'HOTEL', name: 'Hotel Aurora Roma' }] },
  { customer: 2, channel: 'WEB_FORM', category: 'FLIGHT_DELAY_CANCELLATION', urgency: 'HIGH', description: 'Flight cancelled four hours before departure; we were rebooked the next evening and lost a night of the tour.', location: 'MUC', people: [{ kind: 'FLIGHT', name: 'CB 310' }] },
  { customer: 3, channel: 'CHAT', category: 'STAFF_CONDUCT', urgency: 'MEDIUM', description: 'The guide was rude when I asked for vegetarian options at lunch.', location: 'Kyoto', people: [{ kind: 'STAFF', name: 'Tour guide (day 3)' }] },
  { customer: 4, channel: 'PHONE', category: 'REFUND', urgency: 'LOW', description: 'I cancelled within the free period but the refund has not arrived after six weeks.', location: null, people: [] },
  { customer: 5, channel: 'EMAIL', category: 'TICKETING', urgency: 'MEDIUM', description: 'My name is misspelled on the e-ticket and the airline says only the agency can change it.', location: null, people: [{ kind: 'PARTNER', name: 'SkyLink Airways' }] },
  { customer: 6, channel: 'IN_PERSON', category: 'ITINERARY_CHANGE', urgency: 'LOW', description: 'The museum visit in the itinerary was replaced by shopping without telling us.', location: 'Vienna', people: [] },
  { customer: 7, channel: 'PHONE', category: 'VISA_DOCUMENTS', urgency: 'CRITICAL', description: 'The visa guide you sent listed the wrong documents and my visa was refused; departure is in five days.', location: null, people: [] },
  { customer: 8, channel: 'SOCIAL_MEDIA', category: 'BAGGAGE', urgency: 'MEDIUM', description: 'My ski bag arrived damaged and the airline refers me to you.', location: 'INN', people: [{ kind: 'FLIGHT', name: 'OS 911' }] },
  { customer: 9, channel: 'PHONE', category: 'OTHER', urgency: 'LOW', description: 'The travel insurance certificate was never sent to me.', location: null, people: [] },
];

const INQUIRIES = [
  { customer: 0, channel: 'CHAT', category: 'FLIGHT_INFO', subject: 'Is CA 931 to Frankfurt on time?', message: 'Hello, is my flight CA 931 tomorrow on time? I have a connection in Frankfurt.' },
  { customer: 2, channel: 'EMAIL', category: 'VISA', subject: 'Visa for the China round trip', message: 'Which documents do I need for the tourist visa for the Beijing–Xi’an–Shanghai tour in March?' },
  { customer: 4, channel: 'WEB_FORM', category: 'ORDER_CHANGE', subject: 'Change of travel dates', message: 'Can we move our Cancún package from 12 to 19 April? Booking reference MX4471.' },
  { customer: 5, channel: 'CHAT', category: 'SPECIAL_SERVICES', subject: 'Wheelchair at Delhi airport', message: 'My father needs wheelchair assistance at DEL for AI 121 on 3 December.' },
  { customer: 10, channel: 'EMAIL', category: 'INSURANCE', subject: 'Does the insurance cover skiing?', message: 'Does the travel insurance in my Alps package cover skiing accidents?' },
  { contact: { name: 'Tom Fischer', email: 'tom.fischer@example.at' }, channel: 'WEB_FORM', category: 'PRICE', subject: 'Group price for 12 people', message: 'What would the Lisbon city break cost for a group of 12 in May?' },
];

export async function seedDemoData(gatewayUrl: string, log: (line: string) => void = console.log): Promise<void> {
  const token = signDevelopmentToken({ sub: 'demo-seed', roles: ['agent', 'crm_manager', 'complaint_specialist'], name: 'Demo Seed' }, { secret: process.env.JWT_SECRET || undefined });
  const call = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) throw Object.assign(new Error(body.errors.map((e) => e.message).join('; ')), { code: body.errors[0].extensions?.code });
    return body.data;
  };

  const existing = await call(`query { customers(search: "li.wei@example.com", first: 1) { totalCount } }`);
  if (existing.customers.totalCount > 0) {
    log('demo data is already loaded');
    return;
  }
  const ids: string[] = [];
  for (const customer of CUSTOMERS) {
    const data = await call(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: customer });
    ids.push(data.createCustomer.id);
  }
  log(`created ${ids.length} customers`);
  let registered = 0;
  for (const [index, complaint] of COMPLAINTS.entries()) {
    const input = {
      customerId: ids[complaint.customer],
      channel: complaint.channel,
      category: complaint.category,
      urgency: complaint.urgency,
      description: complaint.description,
      occurredAt: new Date(Date.now() - (index + 1) * 86_400_000).toISOString(),
      location: complaint.location,
      peopleInvolved: complaint.people,
    };
    // The complaint service learns of new customers from crm's events, a moment after they are created.
    for (let attempt = 0; ; attempt++) {
      try {
        await call(`mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { registrationNumber } }`, { input });
        registered += 1;
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'BAD_USER_INPUT' || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
  log(`registered ${registered} complaints`);

  let received = 0;
  for (const inquiry of INQUIRIES) {
    const { customer, ...fields } = inquiry as (typeof INQUIRIES)[number] & { customer?: number };
    const input = { ...fields, ...(customer === undefined ? {} : { customerId: ids[customer] }) };
    // Like the complaint service, the inquiry service learns of customers from crm's events.
    for (let attempt = 0; ; attempt++) {
      try {
        await call(`mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id } }`, { input });
        received += 1;
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'BAD_USER_INPUT' || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
  log(`received ${received} inquiries`);
}
