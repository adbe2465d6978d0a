import { CustomerTier } from '../customer/customer.enums';
import { type Crm, createAikoTanaka, identity, openCrm } from '../crm.fixture';

const SEARCH = `query Search($text: String!) {
  search(text: $text) { id customers { score match customer { id fullName email } highlights { field text } } }
}`;

describe('customer search (real Postgres)', () => {
  let crm: Crm;
  let aiko: string;
  let zhang: string;

  beforeAll(async () => {
    crm = await openCrm();
    const agent = identity('agent');
    aiko = await createAikoTanaka(crm, agent);
    zhang = (await crm.domain.customer.registration.register({ fullName: '张伟', email: 'zhang.wei@example.cn', preferredLanguage: 'zh-CN', tier: CustomerTier.STANDARD } as never, agent)).id;
  });
  afterAll(() => crm.close());

  async function search(text: string, role: Parameters<Crm['run']>[0] = 'agent') {
    const result = await crm.run(role, SEARCH, { text });
    expect(result.errors).toBeUndefined();
    return result.data.search.customers as { score: number; match: string; customer: { id: string; fullName: string; email: string | null }; highlights: { field: string; text: string }[] }[];
  }

  it('finds a customer by name in any case, spacing and word order, whole or in part', async () => {
    for (const text of ['Aiko Tanaka', 'TANAKA aiko', 'aikotanaka']) expect((await search(text))[0]).toMatchObject({ customer: { id: aiko }, match: 'NAME', score: 0.9 });
    const [partial] = await search('tanak');
    expect(partial).toMatchObject({ customer: { id: aiko }, match: 'PARTIAL_IDENTIFIER' });
    expect(partial.highlights).toEqual([{ field: 'fullName', text: 'Aiko <mark>Tanak</mark>a' }]);
  });

  it('finds a Chinese name written in Chinese or in pinyin', async () => {
    expect((await search('张 伟'))[0]).toMatchObject({ customer: { id: zhang }, match: 'NAME' });
    expect((await search('Zhang Wei'))[0]).toMatchObject({ customer: { id: zhang }, match: 'NAME' });
  });

  it('finds by e-mail and by phone in any format only for roles that may see contact details, and masks as everywhere', async () => {
    expect((await search('Aiko.Tanaka@example.JP'))[0]).toMatchObject({ customer: { id: aiko, email: 'aiko.tanaka@example.jp' }, match: 'CONTACT', score: 1 });
    expect((await search('090-1234-5678'))[0]).toMatchObject({ customer: { id: aiko }, match: 'CONTACT' });
    expect(await search('aiko.tanaka@example.jp', 'analyst')).toEqual([]);
    expect(await search('+81 90 1234 5678', 'analyst')).toEqual([]);
    expect((await search('Aiko Tanaka', 'analyst'))[0]).toMatchObject({ customer: { id: aiko, email: 'a***@example.jp' } });
  });

  it('leaves out a profile merged away', async () => {
    await crm.db.dataSource.query(`UPDATE customer SET status = 'MERGED', merged_into_id = $2 WHERE id = $1`, [zhang, aiko]);
    expect(await search('张伟')).toEqual([]);
  });
});
