import { type DocumentNode, Kind, type SelectionSetNode } from 'graphql';

/**
 * The operations a client may send without a bearer token, each carrying its own credential that
 * the after-sales subgraph checks: a customer answering a post-trip survey from its signed link
 * (T-4.1), downloading a document from its signed link, and an insurer or employer checking a
 * travel certificate's verification code (T-4.2). Everything else needs a token.
 */
export const ANONYMOUS_OPERATIONS: readonly { operation: 'query' | 'mutation'; field: string }[] = [
  { operation: 'mutation', field: 'answerFollowUpSurvey' },
  { operation: 'query', field: 'documentFile' },
  { operation: 'query', field: 'verifyTravelCertificate' },
];

/**
 * Whether a document is exactly one of those operations: one operation whose only root field is
 * one of them, with no alias, fragment, inline fragment or directive anywhere, so that nothing else
 * of the graph can ride along.
 */
export function isAllowedWithoutToken(document: DocumentNode): boolean {
  if (document.definitions.length !== 1) return false;
  const [operation] = document.definitions;
  if (operation.kind !== Kind.OPERATION_DEFINITION) return false;
  if (operation.directives?.length || operation.variableDefinitions?.some((v) => v.directives?.length)) return false;
  const roots = operation.selectionSet.selections;
  if (roots.length !== 1) return false;
  const [root] = roots;
  if (root.kind !== Kind.FIELD) return false;
  const field = root.name.value;
  if (!ANONYMOUS_OPERATIONS.some((allowed) => allowed.operation === operation.operation && allowed.field === field)) return false;
  return plain(operation.selectionSet);
}

/** Fields only, each under its own name, without directives, all the way down. */
function plain(selectionSet: SelectionSetNode | undefined): boolean {
  if (!selectionSet) return true;
  return selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && !selection.alias && !selection.directives?.length && plain(selection.selectionSet));
}

/**
 * A fixed-window limit per client address on requests without a token, so that survey links cannot
 * be guessed at speed. Behind a proxy every client shares its address: limit at the ingress too.
 */
export class AnonymousRateLimit {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `client`; false when it is over the limit. */
  take(client: string): boolean {
    const now = this.now();
    const window = this.windows.get(client);
    if (!window || now - window.startedAt >= 60_000) {
      if (this.windows.size > 10_000) this.prune(now);
      this.windows.set(client, { startedAt: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.perMinute;
  }

  private prune(now: number): void {
    for (const [client, window] of this.windows) if (now - window.startedAt >= 60_000) this.windows.delete(client);
  }
}
