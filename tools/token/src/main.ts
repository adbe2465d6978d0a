import { parseArgs } from 'node:util';
import { ROLES, isRole, signDevelopmentToken, type Role } from '@carebridge/auth';

/**
 * Prints a development bearer token, signed with the gateway's development secret (or JWT_SECRET).
 *   npm run token -- --role agent [--role analyst] [--user u-123] [--name "Ana Agent"] [--hours 12]
 */
const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true, default: ['agent'] },
    user: { type: 'string' },
    name: { type: 'string' },
    hours: { type: 'string', default: '12' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(`usage: npm run token -- --role <${ROLES.join('|')}> [--role …] [--user ID] [--name NAME] [--hours N]\n`);
  process.exit(0);
}
const roles = values.role.flatMap((r) => r.split(','));
const unknown = roles.filter((r) => !isRole(r));
if (unknown.length) {
  process.stderr.write(`Unknown role ${unknown.map((r) => `"${r}"`).join(', ')}; roles are: ${ROLES.join(', ')}\n`);
  process.exit(2);
}
const hours = Number(values.hours);
if (!Number.isFinite(hours) || hours <= 0) {
  process.stderr.write('--hours must be a positive number\n');
  process.exit(2);
}
const user = values.user ?? `dev-${roles[0]}`;
process.stdout.write(
  `${signDevelopmentToken(
    { sub: user, roles: roles as Role[], name: values.name ?? `Dev ${roles[0].replace('_', ' ')}` },
    { secret: process.env.JWT_SECRET || undefined, expiresInSeconds: Math.round(hours * 3600) },
  )}\n`,
);
