import { type ComplaintWorld, openComplaint, people, refusal } from '../complaint.fixture';

const SEARCH = `query Search($text: String!, $first: Int) {
  search(text: $text) { id complaints(first: $first) { score match complaint { id registrationNumber } highlights { field text } } }
}`;

describe('complaint search (real Postgres)', () => {
  let world: ComplaintWorld;
  const customerId = '00000000-0000-4000-8000-000000000001';

  beforeAll(async () => {
    world = await openComplaint();
    await world.learnCustomer(customerId);
  });
  afterAll(() => world.close());

  async function search(text: string, first?: number) {
    const result = await world.run(people.agent, SEARCH, first ? { text, first } : { text });
    expect(result.errors).toBeUndefined();
    return result.data.search.complaints as { score: number; match: string; complaint: { id: string; registrationNumber: string }; highlights: { field: string; text: string }[] }[];
  }

  it('finds a complaint by its registration number, whole or in part, in any case and spacing', async () => {
    const complaint = await world.register(customerId);
    const [hit] = await search(complaint.registrationNumber.toLowerCase().replace(/-/g, ' '));
    expect(hit).toMatchObject({ complaint: { id: complaint.id }, match: 'IDENTIFIER', score: 1 });
    expect(hit.highlights[0]).toEqual({ field: 'registrationNumber', text: `<mark>${complaint.registrationNumber}</mark>` });
    const partial = await search(complaint.registrationNumber.slice(-6));
    expect(partial.map((h) => h.complaint.id)).toContain(complaint.id);
  });

  it('finds by booking reference and flight, written on registration or added later, ranked above word matches', async () => {
    const complaint = await world.register(customerId, { bookingReference: 'QZX9K2', description: 'Lost bag, see QZX9K2 in my mail' });
    const byPnr = await search('qzx9k2');
    expect(byPnr[0]).toMatchObject({ complaint: { id: complaint.id }, match: 'IDENTIFIER' });
    expect(byPnr).toHaveLength(1);
    await world.details.update({ complaintId: complaint.id, flightNumber: 'CA 931' } as never, people.agent);
    expect((await search('CA931'))[0]).toMatchObject({ complaint: { id: complaint.id }, match: 'IDENTIFIER' });
  });

  it('finds words of the description in English (stemmed) and Chinese, and highlights them', async () => {
    const english = await world.register(customerId, { description: 'The stroller was delayed and arrived broken at the carousel.' });
    const chinese = await world.register(customerId, { description: '我的托运行李在北京首都机场丢失了，至今没有消息。' });
    const [hit] = await search('broken strollers');
    expect(hit).toMatchObject({ complaint: { id: english.id }, match: 'WORDS' });
    expect(hit.score).toBeGreaterThan(0);
    expect(hit.score).toBeLessThan(0.5);
    expect(hit.highlights).toContainEqual({ field: 'description', text: expect.stringContaining('<mark>stroller</mark>') });
    const [han] = await search('行李丢失');
    expect(han).toMatchObject({ complaint: { id: chinese.id }, match: 'WORDS' });
    expect(han.highlights[0].text).toContain('<mark>行李</mark>');
    expect(await search('行李 stroller')).toEqual([]);
  });

  it('escapes the text of highlights', async () => {
    await world.register(customerId, { description: 'The <b>zipper</b> of my bag & its lock broke.' });
    const [hit] = await search('zipper');
    expect(hit.highlights[0].text).toBe('The &lt;b&gt;<mark>zipper</mark>&lt;/b&gt; of my bag &amp; its lock broke.');
  });

  it('refuses an empty text and a page size out of range, naming the argument', async () => {
    expect(refusal(await world.run(people.agent, SEARCH, { text: '   ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(refusal(await world.run(people.agent, SEARCH, { text: 'bag', first: 51 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
