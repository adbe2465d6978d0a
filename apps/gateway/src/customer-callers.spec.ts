import { ConfigurationError } from '@carebridge/config';
import { parse } from 'graphql';
import { customerIdentityProvider, customerRefusal } from './customer-callers';

describe('customer callers at the gateway', () => {
  it("know the company's customer identity provider by its JWKS URL and issuer, set together", () => {
    expect(customerIdentityProvider({})).toBeUndefined();
    expect(customerIdentityProvider({ CUSTOMER_TOKEN_JWKS_URL: 'https://login.travel.test/jwks.json', CUSTOMER_TOKEN_ISSUER: 'https://login.travel.test', CUSTOMER_TOKEN_AUDIENCE: 'apps' })).toEqual({
      jwksUrl: 'https://login.travel.test/jwks.json',
      issuer: 'https://login.travel.test',
      audience: 'apps',
    });
    expect(() => customerIdentityProvider({ CUSTOMER_TOKEN_JWKS_URL: 'https://login.travel.test/jwks.json' })).toThrow(ConfigurationError);
    expect(() => customerIdentityProvider({ CUSTOMER_TOKEN_ISSUER: 'https://login.travel.test' })).toThrow(/set both/);
    expect(() => customerIdentityProvider({ CUSTOMER_TOKEN_JWKS_URL: 'ftp://x', CUSTOMER_TOKEN_ISSUER: 'i' })).toThrow(/CUSTOMER_TOKEN_JWKS_URL/);
  });

  it('refuse a customer what is not customer-facing, and leave staff to their resolvers', () => {
    const customer = { userId: '5b0c7a8e-1d2f-4e3a-9b4c-6d7e8f9a0b1c', roles: ['customer' as const] };
    expect(customerRefusal(customer, parse(`{ myCases { id } }`))).toBeUndefined();
    expect(customerRefusal(customer, parse(`{ complaints { totalCount } }`))).toMatch(/customer-facing operations.*myCases/);
    expect(customerRefusal({ userId: 'a', roles: ['agent'] }, parse(`{ complaints { totalCount } }`))).toBeUndefined();
  });
});
