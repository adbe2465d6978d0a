import { SEARCH_SCORE, type SearchHighlight, type SearchMatch, searchHighlights, searchIdOf, searchPattern, searchSectionSize, searchTermsOf } from '@carebridge/service-kit';
import { type DataSource, In } from 'typeorm';
import { Customer } from '../customer/customer.entity';
import { nameKey } from '../customer/name-key';

export interface CustomerHit {
  customer: Customer;
  score: number;
  match: SearchMatch;
  highlights: SearchHighlight[];
}

/** How many name matches are ranked: a common name part ranks among the first ones found. */
const NAME_CANDIDATES = 1000;

/**
 * The customers' part of the one search, on live profiles (not merged away, not erased): by name,
 * tolerant of case, spacing, word order and script (the name as written without separators, and
 * `name_key`: "张伟", "Zhang Wei" and "wei ZHANG" find one another), whole or in part; and by an
 * e-mail address or phone number in any format (its last digits), for callers allowed to see
 * contact details only, so that nobody else can find out whose address or number it is.
 */
export class CustomerSearch {
  constructor(private readonly dataSource: DataSource) {}

  async find(text: string, first: number, seesContactDetails: boolean): Promise<CustomerHit[]> {
    const terms = searchTermsOf(searchIdOf(text));
    const key = nameKey(terms.id);
    const rows: { id: string; score: number; match: SearchMatch }[] = await this.dataSource.query(
      `WITH name_hits AS (
         SELECT c.id, c.created_at,
                CASE WHEN search_key(c.full_name) = $1 OR c.name_key = $2 THEN $5::float8 ELSE $6::float8 END AS score,
                CASE WHEN search_key(c.full_name) = $1 OR c.name_key = $2 THEN 'NAME' ELSE 'PARTIAL_IDENTIFIER' END AS match
           FROM customer c
          WHERE c.status = 'ACTIVE'
            AND (($1::text IS NOT NULL AND search_key(c.full_name) LIKE '%' || $1 || '%') OR (length($2) >= 3 AND c.name_key LIKE '%' || $2 || '%'))
          LIMIT $8),
       contact_hits AS (
         SELECT c.id, c.created_at, $7::float8 AS score, 'CONTACT' AS match
           FROM customer_contact k JOIN customer c ON c.id = k.customer_id AND c.status = 'ACTIVE'
          WHERE (k.kind = 'EMAIL' AND k.value = $3) OR (k.kind = 'PHONE' AND k.value LIKE '%' || $4)
          LIMIT $8)
       SELECT id, max(score) AS score, (array_agg(match ORDER BY score DESC))[1] AS match
         FROM (SELECT * FROM name_hits UNION ALL SELECT * FROM contact_hits) hits
        GROUP BY id
        ORDER BY max(score) DESC, max(created_at) DESC, id
        LIMIT $9`,
      [
        terms.key,
        key,
        seesContactDetails ? terms.email : null,
        seesContactDetails ? terms.phoneDigits : null,
        SEARCH_SCORE.exactName,
        SEARCH_SCORE.partialKey,
        SEARCH_SCORE.exactKey,
        NAME_CANDIDATES,
        searchSectionSize(first),
      ],
    );
    if (!rows.length) return [];
    const customers = new Map((await this.dataSource.getRepository(Customer).findBy({ id: In(rows.map((row) => row.id)) })).map((customer) => [customer.id, customer]));
    const pattern = searchPattern(terms);
    return rows.flatMap((row) => {
      const customer = customers.get(row.id);
      if (!customer) return [];
      // Only the name is highlighted: contact details show through the profile's own fields, masked and logged as everywhere.
      return [{ customer, score: Number(row.score), match: row.match, highlights: searchHighlights([['fullName', customer.fullName]], pattern) }];
    });
  }
}
