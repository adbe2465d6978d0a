import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { type DocumentNode, Kind, type SelectionSetNode } from 'graphql';

/**
 * Callers who are not staff, in one model: whoever holds a signed link (libs/auth signed-links.ts)
 * or another credential of its own, without a bearer token, and a customer with a customer token
 * (libs/auth customer-tokens.ts). Each runs only the operations listed here for it, and each
 * operation checks its credential in the subgraph that owns it:
 *
 * - `link`: the credential travels in the arguments — a post-trip survey answered from its link
 *   (T-4.1), a document downloaded from its link, a travel certificate checked by its code (T-4.2),
 *   one case's status read from its status link. A customer token may run them too.
 * - `customer`: the customer token is the credential — the customer's own cases, read for the
 *   caller's customer id and nobody else's.
 *
 * Everything else needs a staff token.
 */
export type NonStaffCredential = 'link' | 'customer';

export const NON_STAFF_OPERATIONS: readonly { operation: 'query' | 'mutation'; field: string; credential: NonStaffCredential }[] = [
  { operation: 'mutation', field: 'answerFollowUpSurvey', credential: 'link' },
  { operation: 'query', field: 'documentFile', credential: 'link' },
  { operation: 'query', field: 'verifyTravelCertificate', credential: 'link' },
  { operation: 'query', field: 'caseStatus', credential: 'link' },
  // Public knowledge-base articles (T-5.2) need no credential: training answers them with PUBLIC live articles only.
  { operation: 'query', field: 'publicKnowledgeSearch', credential: 'link' },
  { operation: 'query', field: 'publicKnowledgeArticle', credential: 'link' },
  { operation: 'query', field: 'myCases', credential: 'customer' },
  { operation: 'query', field: 'myCase', credential: 'customer' },
];

/** The operations a client may send without a bearer token. */
export const ANONYMOUS_OPERATIONS = NON_STAFF_OPERATIONS.filter((allowed) => allowed.credential === 'link');

/** Whether a document without a token is exactly one operation allowed without one (see `admits`). */
export function isAllowedWithoutToken(document: DocumentNode): boolean {
  return admits(document, ['link']);
}

/** Whether a document is exactly one operation a customer token may run: its own cases, or a link's operation. */
export function isAllowedForCustomer(document: DocumentNode): boolean {
  return admits(document, ['link', 'customer']);
}

/**
 * One operation whose only root field is one allowed for these credentials, with no alias,
 * fragment, inline fragment or directive anywhere, so that nothing else of the graph can ride along.
 */
function admits(document: DocumentNode, credentials: readonly NonStaffCredential[]): boolean {
  if (document.definitions.length !== 1) return false;
  const [operation] = document.definitions;
  if (operation.kind !== Kind.OPERATION_DEFINITION) return false;
  if (operation.directives?.length || operation.variableDefinitions?.some((v) => v.directives?.length)) return false;
  const roots = operation.selectionSet.selections;
  if (roots.length !== 1) return false;
  const [root] = roots;
  if (root.kind !== Kind.FIELD) return false;
  const field = root.name.value;
  if (!NON_STAFF_OPERATIONS.some((allowed) => credentials.includes(allowed.credential) && allowed.operation === operation.operation && allowed.field === field)) return false;
  return plain(operation.selectionSet);
}

/** Fields only, each under its own name, without directives, all the way down. */
function plain(selectionSet: SelectionSetNode | undefined): boolean {
  if (!selectionSet) return true;
  return selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && !selection.alias && !selection.directives?.length && plain(selection.selectionSet));
}

/**
 * The limit per client address on requests without a token, so that links cannot be guessed at
 * speed: `perMinute` requests in a fixed minute (rate-limiter-flexible, in memory). Behind a proxy
 * every client shares its address: limit at the ingress too. Resolves false when over the limit.
 */
export function anonymousRateLimit(perMinute: number): (client: string) => Promise<boolean> {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return (client) =>
    limiter.consume(client).then(
      () => true,
      (refusal: unknown) => {
        if (refusal instanceof RateLimiterRes) return false;
        throw refusal;
      },
    );
}
