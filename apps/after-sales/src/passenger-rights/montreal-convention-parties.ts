/**
 * The States Parties of the Montreal Convention 1999 (ISO 3166-1 alpha-2), for its scope: carriage
 * between two of them, or a round trip from one of them (Art. 1(2)). The European Union is a Party
 * too (a Regional Economic Integration Organisation, Art. 53(2)); every EU member state is also a
 * Party in its own right, so the list of states decides.
 *
 * Source: ICAO, "Convention for the Unification of Certain Rules for International Carriage by Air,
 * done at Montreal on 28 May 1999", list of parties (ICAO Treaty Collection, the depositary's
 * status list). Transcribed on 2 December 2026 from the copies that could be read here, not from the
 * depositary's current list itself:
 * - A to G: the ICAO status list of 137 parties (2020), with dates of deposit; Bangladesh from the
 *   Dutch treaty bank (in force for Bangladesh since 1 November 2022). Signatories that have not
 *   ratified (Bahamas, Cambodia, Central African Republic) are not Parties and are left out.
 * - H to Z: a list of 121 parties of 2016, with the accessions of Indonesia, the Russian
 *   Federation and Thailand (2017).
 * States that joined after 2016 with a name from H to Z may therefore be missing: check the ICAO
 * list, add them here (with their date), and until then a caller can say
 * `montrealConventionApplies: true` for such a flight. The list is applied to every flight date:
 * it does not say since when each state is a Party.
 */
export const MONTREAL_CONVENTION_PARTIES_AS_OF = '2026-12-02';

export const MONTREAL_CONVENTION_STATES_PARTIES: ReadonlySet<string> = new Set([
  // A–G (ICAO status list, 2020; Bangladesh 2022)
  'AL', 'AR', 'AM', 'AU', 'AT', 'AZ', 'BH', 'BD', 'BB', 'BE', 'BZ', 'BJ', 'BO', 'BA', 'BW', 'BR', 'BN', 'BG', 'BF',
  'CV', 'CM', 'CA', 'TD', 'CL', 'CN', 'CO', 'CG', 'CK', 'CR', 'CI', 'HR', 'CU', 'CY', 'CZ', 'CD', 'DK', 'DO',
  'EC', 'EG', 'SV', 'GQ', 'EE', 'SZ', 'ET', 'FJ', 'FI', 'FR', 'GA', 'GM', 'GE', 'DE', 'GH', 'GR',
  // H–Z (list of 2016) and the accessions of 2017 (ID, RU, TH)
  'GT', 'GY', 'HN', 'HU', 'IS', 'IN', 'ID', 'IE', 'IL', 'IT', 'JM', 'JP', 'JO', 'KZ', 'KE', 'KR', 'KW',
  'LV', 'LB', 'LT', 'LU', 'MG', 'MY', 'MV', 'ML', 'MT', 'MX', 'MD', 'MC', 'MN', 'ME', 'MA', 'MZ',
  'NA', 'NL', 'NZ', 'NG', 'MK', 'NO', 'OM', 'PK', 'PA', 'PY', 'PE', 'PH', 'PL', 'PT', 'QA', 'RO', 'RU', 'RW',
  'VC', 'SA', 'RS', 'SC', 'SL', 'SG', 'SK', 'SI', 'ZA', 'ES', 'SE', 'CH', 'SY', 'TZ', 'TH', 'TO', 'TR',
  'UA', 'AE', 'GB', 'US', 'UY', 'VU',
]);

/** Whether a sovereign state (not a territory: map it with `sovereignState` first) is on the list of Parties. */
export function isMontrealConventionParty(state: string): boolean {
  return MONTREAL_CONVENTION_STATES_PARTIES.has(state);
}
