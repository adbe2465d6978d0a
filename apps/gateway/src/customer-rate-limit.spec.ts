import { ConfigurationError } from '@carebridge/config';
import { customerRateLimit, customerRateLimitSettings, limitCustomerCaller } from './customer-rate-limit';

describe('the rate limit of customer tokens', () => {
  const customer = (id: string) => ({ userId: id, roles: ['customer' as const] });

  it('reads CUSTOMER_RATE_LIMIT_PER_MINUTE and _PER_HOUR, refusing what is not a positive whole number', () => {
    expect(customerRateLimitSettings({})).toEqual({ perMinute: 60, perHour: 1000 });
    expect(customerRateLimitSettings({ CUSTOMER_RATE_LIMIT_PER_MINUTE: '5', CUSTOMER_RATE_LIMIT_PER_HOUR: '50' })).toEqual({ perMinute: 5, perHour: 50 });
    expect(() => customerRateLimitSettings({ CUSTOMER_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(ConfigurationError);
    expect(() => customerRateLimitSettings({ CUSTOMER_RATE_LIMIT_PER_HOUR: 'lots' })).toThrow(/CUSTOMER_RATE_LIMIT_PER_HOUR/);
  });

  it('counts each customer on their own, per minute and per hour, and never staff', async () => {
    const limit = customerRateLimit({ perMinute: 2, perHour: 3 });
    expect(await limit(customer('c-1'))).toBeUndefined();
    expect(await limit(customer('c-1'))).toBeUndefined();
    const refused = await limit(customer('c-1'));
    expect(refused?.extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'RATE_LIMITED', http: { status: 429 } });
    expect((refused?.extensions.http as unknown as { headers: Map<string, string> }).headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limit(customer('c-2'))).toBeUndefined();
    for (let i = 0; i < 10; i++) expect(await limit({ userId: 'agent-ana', roles: ['agent'] })).toBeUndefined();

    const hourly = customerRateLimit({ perMinute: 100, perHour: 3 });
    for (let i = 0; i < 3; i++) expect(await hourly(customer('c-3'))).toBeUndefined();
    expect((await hourly(customer('c-3')))?.message).toMatch(/try again in \d+ s/);
  });

  it('keeps one limit per gateway environment and throws the refusal', async () => {
    const env = { CUSTOMER_RATE_LIMIT_PER_MINUTE: '1' };
    await limitCustomerCaller(env, customer('c-4'));
    await expect(limitCustomerCaller(env, customer('c-4'))).rejects.toMatchObject({ extensions: { reason: 'RATE_LIMITED' } });
    await limitCustomerCaller({ CUSTOMER_RATE_LIMIT_PER_MINUTE: '1' }, customer('c-4'));
  });
});
