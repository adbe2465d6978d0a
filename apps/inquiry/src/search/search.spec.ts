import { at, people, useInquiry } from '../inquiry.fixture';

const SEARCH = `query Search($text: String!) {
  search(text: $text) { id inquiries { score match inquiry { id contactEmail } highlights { field text } } }
}`;
const analyst = { userId: 'analyst-al', roles: ['analyst'], name: 'Al Analyst' };

describe('inquiry search (real Postgres)', () => {
  const customerId = '00000000-0000-4000-8000-000000000017';
  const world = useInquiry({ customers: [customerId] });

  async function search(text: string, by: { userId: string; roles: string[]; name: string } = people.agent) {
    const result = await world.run(by as never, SEARCH, { text });
    expect(result.errors).toBeUndefined();
    return result.data.search.inquiries as { score: number; match: string; inquiry: { id: string; contactEmail: string | null }; highlights: { field: string; text: string }[] }[];
  }

  it('finds an inquiry by the contact’s name in any case and spacing, Latin or Chinese, and by its id', async () => {
    const latin = await world.receiveEmail({ contact: { name: 'Mei Tanaka', email: 'mei.tanaka@example.jp' } } as never);
    const chinese = await world.receiveEmail({ contact: { name: '王 小明', email: 'wang@example.cn' } } as never);
    expect((await search('MEITANAKA'))[0]).toMatchObject({ inquiry: { id: latin.id }, match: 'IDENTIFIER' });
    const [hit] = await search('王小明');
    expect(hit).toMatchObject({ inquiry: { id: chinese.id }, match: 'IDENTIFIER' });
    expect(hit.highlights).toContainEqual({ field: 'contactName', text: '<mark>王 小明</mark>' });
    expect((await search(latin.id.toUpperCase()))[0]).toMatchObject({ inquiry: { id: latin.id }, match: 'IDENTIFIER' });
  });

  it('finds by e-mail and by phone in any format only for roles that may see contact details', async () => {
    const inquiry = await world.receiveEmail({ contact: { name: 'Jo Doe', email: 'jo_doe@example.org', phone: '+44 20 7946 0958' } } as never);
    expect((await search('Jo_Doe@Example.org'))[0]).toMatchObject({ inquiry: { id: inquiry.id, contactEmail: 'jo_doe@example.org' }, match: 'CONTACT' });
    expect((await search('020 7946-0958'))[0]).toMatchObject({ inquiry: { id: inquiry.id }, match: 'CONTACT' });
    expect(await search('joxdoe@example.org')).toEqual([]);
    // An analyst may not learn whose address or number it is: no hit by contact, and the contact stays masked.
    expect((await search('jo_doe@example.org', analyst)).filter((h) => h.match === 'CONTACT')).toEqual([]);
    expect(await search('+442079460958', analyst)).toEqual([]);
  });

  it('finds words of the subject and the conversation, English or Chinese, newest messages included', async () => {
    const inquiry = await world.receiveEmail({ subject: 'Wheelchair at the gate', message: '请安排轮椅服务到登机口' } as never);
    await world.reply(inquiry.id, 'We booked assistance for your flight CA 931.');
    const [words] = await search('wheelchairs');
    expect(words).toMatchObject({ inquiry: { id: inquiry.id }, match: 'WORDS' });
    expect(words.highlights).toContainEqual({ field: 'subject', text: '<mark>Wheelchair</mark> at the gate' });
    expect((await search('轮椅'))[0]).toMatchObject({ inquiry: { id: inquiry.id } });
    const [reply] = await search('assistance');
    expect(reply.highlights).toContainEqual({ field: 'message', text: 'We booked <mark>assistance</mark> for your flight CA 931.' });
  });

  it('finds a call by its flight in the subject, and an inquiry by the booking reference of its order change', async () => {
    const call = await world.receiveCall(customerId, at(0));
    expect((await search('lh 721'))[0]).toMatchObject({ inquiry: { id: call.id }, match: 'WORDS' });
    const inquiry = await world.receiveEmail({ subject: 'Change my return date' } as never);
    await world.orderChangeRequests.request({ inquiryId: inquiry.id, bookingReference: 'K7PQ2M', kind: 'MODIFY', requestedChanges: 'Return on 12 Dec' } as never, people.agent);
    expect(await search('k7pq2m')).toEqual([expect.objectContaining({ inquiry: expect.objectContaining({ id: inquiry.id }), match: 'IDENTIFIER' })]);
  });
});
