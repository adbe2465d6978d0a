import type { Identity } from '@carebridge/auth';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
}
