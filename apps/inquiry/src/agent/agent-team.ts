/** The team of an agent nobody put in a team; its saved replies are the ones such an agent sees. */
export const DEFAULT_TEAM = 'general';
