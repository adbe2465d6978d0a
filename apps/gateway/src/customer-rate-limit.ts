import { type Identity, isCustomerCaller } from '@carebridge/auth';
import { type Environment, loadConfig, setting } from '@carebridge/config';
import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** The limits of requests with a customer token (CUSTOMER_RATE_LIMIT_*). */
export interface CustomerRateLimitSettings {
  /** Requests per customer in a fixed minute. */
  perMinute: number;
  /** Requests per customer in a fixed hour. */
  perHour: number;
}

export function customerRateLimitSettings(env: Environment): CustomerRateLimitSettings {
  const s = loadConfig({ CUSTOMER_RATE_LIMIT_PER_MINUTE: setting.positiveInt(60), CUSTOMER_RATE_LIMIT_PER_HOUR: setting.positiveInt(1000) }, env);
  return { perMinute: s.CUSTOMER_RATE_LIMIT_PER_MINUTE, perHour: s.CUSTOMER_RATE_LIMIT_PER_HOUR };
}

/**
 * A limit of their own for callers with a customer token: counted per customer (the token's
 * subject, so one customer on many devices or many customers behind one address are each counted
 * right), per minute and per hour, with rate-limiter-flexible in memory. Staff tokens are not
 * counted here. Each gateway instance counts on its own: with N instances a customer may reach N
 * times the limit. Resolves to the refusal when over a limit, else undefined.
 */
export function customerRateLimit(settings: CustomerRateLimitSettings): (identity: Identity) => Promise<GraphQLError | undefined> {
  const windows = [new RateLimiterMemory({ keyPrefix: 'customer-minute', points: settings.perMinute, duration: 60 }), new RateLimiterMemory({ keyPrefix: 'customer-hour', points: settings.perHour, duration: 3600 })];
  return async (identity) => {
    if (!isCustomerCaller(identity)) return undefined;
    for (const window of windows) {
      try {
        await window.consume(identity.userId);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        // The code and reason of the limit without a token; Retry-After says when. Apollo Server takes
        // response headers only as a Map, which the GraphQLErrorExtensions typing (declared for another server) does not know.
        const extensions = { code: 'BAD_REQUEST', reason: 'RATE_LIMITED', retryAfterSeconds: seconds, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } };
        return new GraphQLError(`Too many requests with this customer token; try again in ${seconds} s`, { extensions: extensions as unknown as GraphQLErrorExtensions });
      }
    }
    return undefined;
  };
}

const perEnvironment = new WeakMap<Environment, (identity: Identity) => Promise<GraphQLError | undefined>>();

/** The gateway's hook: the limit of the gateway started with `env` (settings read once), thrown when exceeded. */
export async function limitCustomerCaller(env: Environment, identity: Identity): Promise<void> {
  let limit = perEnvironment.get(env);
  if (!limit) {
    limit = customerRateLimit(customerRateLimitSettings(env));
    perEnvironment.set(env, limit);
  }
  const refusal = await limit(identity);
  if (refusal) throw refusal;
}
