import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRIC_DEFINITIONS } from './metric-definitions';

describe('metric definitions', () => {
  it('are printed, word for word, in docs/services/analytics.md', () => {
    const guide = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'services', 'analytics.md'), 'utf8');
    for (const [name, definition] of Object.entries(METRIC_DEFINITIONS)) expect(guide).toContain(`| \`${name}\` | ${definition} |`);
  });
});
