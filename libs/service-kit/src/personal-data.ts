/**
 * Personal data shown to a role without a need for it is masked, keeping just enough for an agent
 * to confirm with the customer ("j***@example.com", "+44 ******789").
 */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return email ?? null;
  // The domain follows the last @ (a quoted local part may hold one too).
  const at = email.lastIndexOf('@');
  const local = email.slice(0, Math.max(at, 0));
  const domain = at < 0 ? '' : email.slice(at + 1);
  if (!domain) return '***';
  return `${local.slice(0, 1)}***@${domain}`;
}

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.replace(/\D/g, '');
  return `${phone.startsWith('+') ? '+' : ''}${'*'.repeat(Math.max(digits.length - 3, 0))}${digits.slice(-3)}`;
}

/** Paths pino removes from every log line, whatever the service. */
export const REDACTED_LOG_PATHS = [
  'email',
  'phone',
  'fullName',
  'password',
  'token',
  'authorization',
  '*.email',
  '*.phone',
  '*.fullName',
  '*.password',
  '*.token',
  '*.authorization',
  'req.headers.authorization',
  'req.headers["x-carebridge-subgraph-secret"]',
  'headers.authorization',
  'headers["x-carebridge-subgraph-secret"]',
  'variables.input.email',
  'variables.input.phone',
  'variables.input.fullName',
];
