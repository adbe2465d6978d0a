import { randomUUID } from 'node:crypto';
import { knowledgeArticleArchived, knowledgeArticlePublished } from '@carebridge/event-contracts';
import { people, useInquiry } from '../inquiry.fixture';

describe('citing knowledge-base articles in replies (real Postgres)', () => {
  const s = useInquiry();
  const published = (articleId: string, version: number, title = 'Baggage allowance') =>
    s.deliver(knowledgeArticlePublished, {
      articleId,
      versionId: randomUUID(),
      version,
      title,
      kind: 'POLICY',
      locale: 'EN',
      visibility: 'INTERNAL',
      publishedBy: 'supervisor-sue',
      publishedAt: '2026-11-01T08:00:00.000Z',
    });
  const citationsOf = async (inquiryId: string) => {
    const messages = await s.inquiries.messages(inquiryId);
    return Promise.all(messages.filter((m) => m.direction === 'OUTBOUND').map((m) => s.citations.standing(m.citedArticleVersions)));
  };

  it('records the live version cited, and shows when the article changed or was archived', async () => {
    const [changing, archiving, steady] = [randomUUID(), randomUUID(), randomUUID()];
    await published(changing, 1);
    await published(archiving, 2, 'Visa on arrival');
    await published(steady, 1, 'Pets');
    const inquiry = await s.receiveEmail();
    await s.handling.reply({ inquiryId: inquiry.id, body: 'See the articles.', citedArticleIds: [changing, archiving, steady], attachments: [] }, people.agent);

    await published(changing, 2, 'Baggage allowance 2027');
    await published(changing, 1); // a replay of an older version changes nothing
    await s.deliver(knowledgeArticleArchived, { articleId: archiving, lastVersion: 2, archivedBy: 'supervisor-sue', archivedAt: '2026-11-02T08:00:00.000Z' });

    expect(await citationsOf(inquiry.id)).toEqual([
      [
        { article: { id: changing }, citedVersion: 1, citedTitle: 'Baggage allowance', state: 'CHANGED', currentVersion: 2 },
        { article: { id: archiving }, citedVersion: 2, citedTitle: 'Visa on arrival', state: 'ARCHIVED', currentVersion: null },
        { article: { id: steady }, citedVersion: 1, citedTitle: 'Pets', state: 'CURRENT', currentVersion: 1 },
      ],
    ]);
  });

  it('refuses to cite an article that was never published or is archived, naming the field', async () => {
    const archived = randomUUID();
    await published(archived, 1);
    await s.deliver(knowledgeArticleArchived, { articleId: archived, lastVersion: 1, archivedBy: 'supervisor-sue', archivedAt: '2026-11-02T08:00:00.000Z' });
    const inquiry = await s.receiveEmail();
    for (const id of [randomUUID(), archived]) {
      await expect(s.handling.reply({ inquiryId: inquiry.id, body: 'See this.', citedArticleIds: [id], attachments: [] }, people.agent)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.citedArticleIds' },
      });
    }
    expect(await citationsOf(inquiry.id)).toEqual([]);
  });
});
