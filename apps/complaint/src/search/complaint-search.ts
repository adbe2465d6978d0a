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
import { Complaint } from '../complaint/complaint.entity';

export interface ComplaintHit {
  complaint: Complaint;
  score: number;
  match: SearchMatch;
  highlights: SearchHighlight[];
}

/**
 * The complaints' part of the one search (`complaint_search`, written by triggers with every write):
 * the text as a registration number, booking reference or flight number (whole, or in part by
 * trigram), and its words in the complaint's identifiers and place, the customer's description and
 * the conversation. Identifier hits come first, then words by rank, newer before older among equals.
 */
export class ComplaintSearch {
  constructor(private readonly dataSource: DataSource) {}

  async find(text: string, first: number): Promise<ComplaintHit[]> {
    const terms = searchTermsOf(searchIdOf(text));
    const rows: { id: string; score: number; match: SearchMatch }[] = await this.dataSource.query(
      `WITH key_hits AS (
         SELECT s.complaint_id, s.registered_at,
                CASE WHEN s.keys LIKE '% ' || $1 || ' %' THEN $5::float8 ELSE $6::float8 END AS score,
                CASE WHEN s.keys LIKE '% ' || $1 || ' %' THEN 'IDENTIFIER' ELSE 'PARTIAL_IDENTIFIER' END AS match
           FROM complaint_search s WHERE $1::text IS NOT NULL AND s.keys LIKE '%' || $1 || '%' LIMIT $8),
       word_hits AS (
         SELECT c.complaint_id, c.registered_at, $7::float8 * ts_rank(c.words, ${SEARCH_WORDS_TSQUERY}, 32) AS score, 'WORDS' AS match
           FROM (SELECT s.complaint_id, s.registered_at, s.words FROM complaint_search s WHERE s.words @@ ${SEARCH_WORDS_TSQUERY} LIMIT $8) c)
       SELECT complaint_id AS id, max(score) AS score, (array_agg(match ORDER BY score DESC))[1] AS match
         FROM (SELECT * FROM key_hits UNION ALL SELECT * FROM word_hits) hits
        GROUP BY complaint_id
        ORDER BY max(score) DESC, max(registered_at) DESC, complaint_id
        LIMIT $4`,
      [terms.key, terms.latinQuery, terms.hanQuery, searchSectionSize(first), SEARCH_SCORE.exactKey, SEARCH_SCORE.partialKey, SEARCH_SCORE.words, SEARCH_WORD_CANDIDATES],
    );
    const best = new Map(rows.map((row) => [row.id, { score: Number(row.score), match: row.match }]));
    const ids = [...best.keys()];
    if (!ids.length) return [];
    const complaints = new Map((await this.dataSource.getRepository(Complaint).findBy({ id: In(ids) })).map((complaint) => [complaint.id, complaint]));
    const messages: { complaint_id: string; body: string }[] = await this.dataSource.query(
      `SELECT complaint_id, body FROM complaint_conversation_message WHERE complaint_id = ANY($1) ORDER BY position`,
      [ids],
    );
    const pattern = searchPattern(terms);
    return ids.flatMap((id) => {
      const complaint = complaints.get(id);
      const found = best.get(id);
      if (!complaint || !found) return [];
      const conversation = messages.filter((message) => message.complaint_id === id);
      const highlights = searchHighlights(
        [
          ['registrationNumber', complaint.registrationNumber],
          ['bookingReference', complaint.bookingReference],
          ['flightNumber', complaint.flightNumber],
          ['location', complaint.location],
          ['description', complaint.description],
        ],
        pattern,
      );
      const message = searchHighlights([['message', conversation.find((m) => searchHighlights([['message', m.body]], pattern).length)?.body]], pattern);
      return [{ complaint, ...found, highlights: [...highlights, ...message] }];
    });
  }
}
