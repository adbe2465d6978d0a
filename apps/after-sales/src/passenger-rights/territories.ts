/**
 * Countries and territories by ISO 3166-1 alpha-2 code, as the rule tables name them. Airports carry
 * the code of their territory (OPTD): Réunion is RE, not FR; Puerto Rico is PR, not US.
 */

/** The 27 Member States of the European Union (since 1 February 2020). */
export const EU_MEMBER_STATES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;

/**
 * Parts of Member States with a code of their own where the Treaties apply (Art. 355(1) TFEU, the
 * outermost regions; Åland): Guadeloupe, French Guiana, Martinique, Réunion, Mayotte, Saint-Martin,
 * Åland. The Azores, Madeira and the Canary Islands carry PT and ES. Not listed, so outside: the
 * Faroe Islands, Greenland and the overseas countries and territories (French Polynesia, Aruba…).
 */
export const EU_TERRITORIES_WITH_OWN_CODE = ['GP', 'GF', 'MQ', 'RE', 'YT', 'MF', 'AX'] as const;

/** The French overseas departments, which Art. 10(2) of Regulation 261/2004 treats apart. */
export const FRENCH_OVERSEAS_DEPARTMENTS = ['GP', 'GF', 'MQ', 'RE', 'YT'] as const;

/** EEA states outside the EU (Iceland, Liechtenstein, Norway) and Switzerland, which apply Regulation 261/2004 by agreement. */
export const EEA_EFTA_STATES = ['IS', 'LI', 'NO'] as const;
export const SWITZERLAND = 'CH';

/**
 * The United Kingdom of UK261: Great Britain and Northern Ireland. Not the Crown Dependencies
 * (Jersey JE, Guernsey GG, Isle of Man IM) nor Gibraltar (GI), which are outside it.
 */
export const UNITED_KINGDOM = 'GB';

/** The United States and its territories: a flight between them is domestic for the US DOT. */
export const UNITED_STATES_AND_TERRITORIES = ['US', 'PR', 'VI', 'GU', 'AS', 'MP', 'UM'] as const;

/**
 * The state a territory belongs to, for telling international carriage from domestic (Montreal
 * Convention Art. 1(2)): Paris–Réunion is carriage within France, San Juan–Miami within the US.
 */
export const SOVEREIGN_STATE: Readonly<Record<string, string>> = {
  PR: 'US', VI: 'US', GU: 'US', AS: 'US', MP: 'US', UM: 'US',
  GP: 'FR', GF: 'FR', MQ: 'FR', RE: 'FR', YT: 'FR', MF: 'FR', BL: 'FR', PM: 'FR', NC: 'FR', PF: 'FR', WF: 'FR',
  AX: 'FI',
  SJ: 'NO',
  FO: 'DK', GL: 'DK',
  AW: 'NL', CW: 'NL', SX: 'NL', BQ: 'NL',
};

export function sovereignState(country: string): string {
  return SOVEREIGN_STATE[country] ?? country;
}
