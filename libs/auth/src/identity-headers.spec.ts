import { acceptedRequestId, developmentSubgraphSecret, IDENTITY_HEADERS, identityFromHeaders, identityToHeaders, secretsMatch } from './identity-headers';
import type { Identity } from './roles';

const reader = (headers: Record<string, string>) => (name: string) => headers[name];

describe('identity headers', () => {
  it.each([
    ['ASCII', 'Jane Doe'],
    ['accents', 'Zoë Ångström-Çelik'],
    ['CJK', '李伟'],
    ['right-to-left script', 'محمد'],
    ['emoji and symbols', 'Ana 🌍 ; , = % + & "quoted"'],
  ])('round-trip a name with %s, sent as plain ASCII', (_label, name) => {
    const identity: Identity = { userId: 'user-1', roles: ['agent', 'complaint_specialist'], name };
    const headers = identityToHeaders(identity);
    for (const value of Object.values(headers)) expect(value).toMatch(/^[\x20-\x7e]*$/);
    expect(identityFromHeaders(reader(headers))).toEqual(identity);
  });

  it('send the user id and the roles, comma-separated, under their header names', () => {
    expect(identityToHeaders({ userId: 'u-9', roles: ['crm_manager', 'analyst'] })).toEqual({
      'x-carebridge-user-id': 'u-9',
      'x-carebridge-user-roles': 'crm_manager,analyst',
    });
  });

  it('send no name header without a name, and read no name from none', () => {
    const headers = identityToHeaders({ userId: 'u-9', roles: [] });
    expect(headers).not.toHaveProperty(IDENTITY_HEADERS.name);
    expect(identityFromHeaders(reader(headers))).toEqual({ userId: 'u-9', roles: [], name: undefined });
  });

  it('read no identity without a user id, whatever else is there', () => {
    expect(identityFromHeaders(reader({}))).toBeUndefined();
    expect(identityFromHeaders(reader({ [IDENTITY_HEADERS.roles]: 'admin', [IDENTITY_HEADERS.name]: 'Mallory' }))).toBeUndefined();
    expect(identityFromHeaders(reader({ [IDENTITY_HEADERS.userId]: '' }))).toBeUndefined();
  });

  it('read only known roles, trimmed', () => {
    const identity = identityFromHeaders(reader({ [IDENTITY_HEADERS.userId]: 'u', [IDENTITY_HEADERS.roles]: ' agent , root,,ADMIN, trainer ' }));
    expect(identity?.roles).toEqual(['agent', 'trainer']);
    expect(identityFromHeaders(reader({ [IDENTITY_HEADERS.userId]: 'u' }))?.roles).toEqual([]);
  });

  it('drop a name that is not valid percent-encoding instead of failing', () => {
    expect(identityFromHeaders(reader({ [IDENTITY_HEADERS.userId]: 'u', [IDENTITY_HEADERS.name]: '%E0%A4%A' }))).toEqual({ userId: 'u', roles: [], name: undefined });
  });

  it('are all lower-case, as Node reports incoming header names', () => {
    for (const name of Object.values(IDENTITY_HEADERS)) expect(name).toBe(name.toLowerCase());
  });
});

describe('secretsMatch', () => {
  const secret = 'x'.repeat(32);

  it('matches the same secret only', () => {
    expect(secretsMatch(secret, 'x'.repeat(32))).toBe(true);
    expect(secretsMatch(secret, `${'x'.repeat(31)}y`)).toBe(false);
  });

  it('refuses a missing, empty, shorter or longer secret without throwing', () => {
    expect(secretsMatch(secret, undefined)).toBe(false);
    expect(secretsMatch(secret, '')).toBe(false);
    expect(secretsMatch(secret, 'x'.repeat(31))).toBe(false);
    expect(secretsMatch(secret, 'x'.repeat(33))).toBe(false);
    expect(secretsMatch(secret, 'ü'.repeat(16))).toBe(false);
  });
});

describe('developmentSubgraphSecret', () => {
  it('is stable for a subgraph and differs between subgraphs', () => {
    expect(developmentSubgraphSecret('crm')).toBe(developmentSubgraphSecret('crm'));
    expect(developmentSubgraphSecret('crm')).not.toBe(developmentSubgraphSecret('complaint'));
    expect(developmentSubgraphSecret('crm')).toMatch(/^[0-9a-f]{64}$/);
  });

  it("passes the subgraph's own check: long enough for SUBGRAPH_SECRET and matching itself", () => {
    const secret = developmentSubgraphSecret('complaint');
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(secretsMatch(secret, developmentSubgraphSecret('complaint'))).toBe(true);
    expect(secretsMatch(secret, developmentSubgraphSecret('crm'))).toBe(false);
  });
});

describe('acceptedRequestId', () => {
  const fresh = () => 'fresh-id';
  it('keeps a short token of safe characters', () => {
    expect(acceptedRequestId('client-req-1', fresh)).toBe('client-req-1');
    expect(acceptedRequestId('0f8e:trace.7_a', fresh)).toBe('0f8e:trace.7_a');
  });
  it.each([['missing', undefined], ['empty', ''], ['spaces', 'a b'], ['a newline', 'a\nb'], ['markup', '<script>'], ['too long', 'r'.repeat(65)], ['non-ASCII', 'zoë']])(
    'replaces one %s',
    (_label, given) => expect(acceptedRequestId(given, fresh)).toBe('fresh-id'),
  );
});
