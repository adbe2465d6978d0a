import {
  SEARCH_SCORE,
  SEARCH_WORD_CANDIDATES,
  SEARCH_WORDS_TSQUERY,
  type SearchHighlight,
  type SearchMatch,
  searchHighlights,
  searchIdOf,
  searchPattern,
  searchSectionSize,
  searchTermsOf,
} from '@carebridge/service-kit';
import { type DataSource, In } from 'typeorm';
import { Inquiry, InquiryMessage } from '../inquiry/inquiry.entity';

export interface InquiryHit {
  inquiry: Inquiry;
  score: number;
  match: SearchMatch;
  highlights: SearchHighlight[];
}

/**
 * The inquiries' part of the one search (`inquiry_search`, written by triggers with every write):
 * the text as the inquiry's id, its complaint's registration number, a booking reference of its
 * order changes or the contact's name (whole, or in part by trigram); as the contact's e-mail or
 * phone, for callers allowed to see contact details only, so that nobody else can find out whose
 * address it is; and its words in the subject, the name and the conversation.
 */
export class InquirySearch {
  constructor(private readonly dataSource: DataSource) {}

  async find(text: string, first: number, seesContactDetails: boolean): Promise<InquiryHit[]> {
    const terms = searchTermsOf(searchIdOf(text));
    const email = seesContactDetails ? terms.email : null;
    const phone = seesContactDetails ? terms.phoneDigits : null;
    const rows: { id: string; score: number; match: SearchMatch }[] = await this.dataSource.query(
      `WITH key_hits AS (
         SELECT s.inquiry_id, s.received_at,
                CASE WHEN s.keys LIKE '% ' || $1 || ' %' THEN $6::float8 ELSE $7::float8 END AS score,
                CASE WHEN s.keys LIKE '% ' || $1 || ' %' THEN 'IDENTIFIER' ELSE 'PARTIAL_IDENTIFIER' END AS match
           FROM inquiry_search s WHERE $1::text IS NOT NULL AND s.keys LIKE '%' || $1 || '%' LIMIT $9),
       contact_hits AS (
         SELECT s.inquiry_id, s.received_at, $6::float8 AS score, 'CONTACT' AS match
           FROM inquiry_search s
          WHERE ($4::text IS NOT NULL AND s.contacts LIKE '% ' || $4 || ' %' ESCAPE '\\') OR ($5::text IS NOT NULL AND s.contacts LIKE '%' || $5 || ' %')
          LIMIT $9),
       word_hits AS (
         SELECT c.inquiry_id, c.received_at, $8::float8 * ts_rank(c.words, ${SEARCH_WORDS_TSQUERY}, 32) AS score, 'WORDS' AS match
           FROM (SELECT s.inquiry_id, s.received_at, s.words FROM inquiry_search s WHERE s.words @@ ${SEARCH_WORDS_TSQUERY} LIMIT $9) c)
       SELECT inquiry_id AS id, max(score) AS score, (array_agg(match ORDER BY score DESC))[1] AS match
         FROM (SELECT * FROM key_hits UNION ALL SELECT * FROM contact_hits UNION ALL SELECT * FROM word_hits) hits
        GROUP BY inquiry_id
        ORDER BY max(score) DESC, max(received_at) DESC, inquiry_id
        LIMIT $10`,
      [
        terms.key,
        terms.latinQuery,
        terms.hanQuery,
        email?.replace(/[\\%_]/g, '\\$&') ?? null,
        phone,
        SEARCH_SCORE.exactKey,
        SEARCH_SCORE.partialKey,
        SEARCH_SCORE.words,
        SEARCH_WORD_CANDIDATES,
        searchSectionSize(first),
      ],
    );
    const best = new Map(rows.map((row) => [row.id, { score: Number(row.score), match: row.match }]));
    const ids = [...best.keys()];
    if (!ids.length) return [];
    const inquiries = new Map((await this.dataSource.getRepository(Inquiry).findBy({ id: In(ids) })).map((inquiry) => [inquiry.id, inquiry]));
    const messages = await this.dataSource.getRepository(InquiryMessage).find({ where: { inquiryId: In(ids) }, order: { sequence: 'ASC' } });
    const pattern = searchPattern(terms);
    return ids.flatMap((id) => {
      const inquiry = inquiries.get(id);
      const found = best.get(id);
      if (!inquiry || !found) return [];
      const highlights = searchHighlights(
        [
          ['subject', inquiry.subject],
          ['contactName', inquiry.contactName],
          ['complaintRegistrationNumber', inquiry.complaintRegistrationNumber],
        ],
        pattern,
      );
      const message = messages.find((m) => m.inquiryId === id && searchHighlights([['message', m.body]], pattern).length);
      return [{ inquiry, ...found, highlights: [...highlights, ...searchHighlights([['message', message?.body]], pattern)] }];
    });
  }
}
