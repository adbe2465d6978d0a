import { parseArgs } from 'node:util';
import { STAFF_ROLES, isRole, signDevelopmentCustomerToken, signDevelopmentToken, type Role } from '@carebridge/auth';

/**
 * Prints a development bearer token, signed with the gateway's development secret (or JWT_SECRET).
 *   npm run token -- --role agent [--role analyst] [--user u-123] [--name "Ana Agent"] [--hours 12]
 *   npm run token -- --customer <crm customer id> [--hours 12]     a customer token: that customer's own cases only
 */
const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true, default: ['agent'] },
    user: { type: 'string' },
    name: { type: 'string' },
    hours: { type: 'string', default: '12' },
    customer: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(`usage: npm run token -- --role <${STAFF_ROLES.join('|')}> [--role …] [--user ID] [--name NAME] [--hours N]\n       npm run token -- --customer <crm customer id> [--hours N]\n`);
  process.exit(0);
}
const hours = Number(values.hours);
if (!Number.isFinite(hours) || hours <= 0) {
  process.stderr.write('--hours must be a positive number\n');
  process.exit(2);
}
if (values.customer !== undefined) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.customer)) {
    process.stderr.write('--customer takes the crm id (a UUID) of the customer\n');
    process.exit(2);
  }
  process.stdout.write(`${signDevelopmentCustomerToken(values.customer, { secret: process.env.JWT_SECRET || undefined, expiresInSeconds: Math.round(hours * 3600) })}\n`);
  process.exit(0);
}
const roles = values.role.flatMap((r) => r.split(','));
const unknown = roles.filter((r) => !isRole(r) || r === 'customer');
if (unknown.length) {
  process.stderr.write(`Unknown role ${unknown.map((r) => `"${r}"`).join(', ')}; roles are: ${STAFF_ROLES.join(', ')} (a customer token: --customer <id>)\n`);
  process.exit(2);
}
const user = values.user ?? `dev-${roles[0]}`;
process.stdout.write(
  `${signDevelopmentToken(
    { sub: user, roles: roles as Role[], name: values.name ?? `Dev ${roles[0].replace('_', ' ')}` },
    { secret: process.env.JWT_SECRET || undefined, expiresInSeconds: Math.round(hours * 3600) },
  )}\n`,
);
