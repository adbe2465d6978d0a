import type { Identity } from '@carebridge/auth';

export interface GatewayContext {
  /** Absent only for the one operation allowed without a token (anonymous-operations.ts). */
  identity?: Identity;
  requestId: string;
  /** Who sent a request without a token, for its rate limit: the connecting address. */
  anonymousClient?: string;
}
