import type { Campaign } from './campaign.entity';

/** Active customers matching a segment; $1 tiers, $2 tags, $3 destinations (lower case), $4 key accounts, $5 marketing consent required. */
export const SEGMENT_CONDITION = `c.status = 'ACTIVE'
  AND (cardinality($1::customer_tier[]) = 0 OR c.tier = ANY ($1::customer_tier[]))
  AND (cardinality($2::text[]) = 0 OR c.tags && $2::text[])
  AND (cardinality($3::text[]) = 0 OR EXISTS (
        SELECT 1 FROM jsonb_array_elements_text(COALESCE(c.travel_preferences -> 'destinations', '[]')) AS d WHERE lower(d) = ANY ($3::text[])))
  AND (cardinality($4::uuid[]) = 0 OR EXISTS (SELECT 1 FROM key_account_member m WHERE m.customer_id = c.id AND m.key_account_id = ANY ($4::uuid[])))
  AND (NOT $5::boolean OR c.marketing_consent)`;

export function segmentParameters(campaign: Campaign): unknown[] {
  const segment = campaign.segment;
  return [segment.tiers, segment.tags, segment.destinations.map((d) => d.toLowerCase()), segment.keyAccountIds, segment.requireMarketingConsent];
}
