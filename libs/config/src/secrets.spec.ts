import { DEVELOPMENT_JWT_SECRET, developmentSubgraphSecret } from '@carebridge/auth';
import { MIN_SECRET_BYTES, productionSecretProblems } from './secrets';

describe('productionSecretProblems', () => {
  it('refuses the development JWT secret and every subgraph secret derived from the development seed, naming the variable', () => {
    expect(productionSecretProblems('JWT_SECRET', DEVELOPMENT_JWT_SECRET)).toEqual(['JWT_SECRET: is the development secret; production needs its own']);
    for (const name of ['crm', 'complaint', 'after-sales', 'analytics']) {
      // Another subgraph's development secret is just as known.
      expect(productionSecretProblems('SUBGRAPH_SECRET', developmentSubgraphSecret(name))).toEqual([
        'SUBGRAPH_SECRET: is derived from the development seed; production needs its own secret',
      ]);
    }
  });

  it(`refuses secrets shorter than ${MIN_SECRET_BYTES} bytes, counting bytes rather than characters, and never shows the value`, () => {
    const short = 'é'.repeat(15); // 30 bytes
    const problems = productionSecretProblems('SUBGRAPH_CRM_SECRET', short);
    expect(problems).toEqual([`SUBGRAPH_CRM_SECRET: must be at least ${MIN_SECRET_BYTES} bytes in production`]);
    expect(problems.join()).not.toContain(short);
    expect(productionSecretProblems('SUBGRAPH_CRM_SECRET', 'é'.repeat(16))).toEqual([]);
    expect(productionSecretProblems('SUBGRAPH_SECRET', 'a'.repeat(MIN_SECRET_BYTES))).toEqual([]);
  });
});
