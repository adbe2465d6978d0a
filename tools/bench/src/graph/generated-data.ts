import type { Client } from 'pg';
import type { BenchPlatform } from './bench-platform';
import { graphql } from './graphql-call';

export interface GeneratedData {
  customerIds: string[];
  /** A complaint every target can read by id (row 1). */
  complaintId: string;
  complaints: number;
}

/** A generated customer's id: the same in crm and in complaint's list of known customers, shaped as a version-4 UUID. */
const customerId = (n: string) => `overlay(overlay(md5('bench-customer-' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;

/**
 * One customer and one complaint through the gateway, as a client would enter them, then copies of
 * those rows in SQL up to the asked sizes (registering a million complaints one by one would take
 * hours). A copy differs from its template in what identifies it: id, registration number, name and
 * e-mail, customer, and time; every other column, present or added later, is copied as it is.
 */
export async function generateData(platform: BenchPlatform, token: string, sizes: { complaints: number; customers: number }, log: (line: string) => void): Promise<GeneratedData> {
  const created = await graphql<{ createCustomer: { id: string } }>(platform.gatewayUrl, token, {
    query: 'mutation Seed($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
    variables: { input: { fullName: 'Template Customer', email: 'template.customer@example.com' } },
  });
  const templateCustomer = created.createCustomer.id;

  const crm = await platform.database('crm');
  const complaint = await platform.database('complaint');
  try {
    // complaint learns of the customer from crm's event before it takes complaints about them.
    for (let waited = 0; !(await complaint.query('SELECT 1 FROM known_customer WHERE id = $1', [templateCustomer])).rowCount; waited += 100) {
      if (waited > 30_000) throw new Error('complaint did not learn of the template customer within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const registered = await graphql<{ registerComplaint: { id: string } }>(platform.gatewayUrl, token, {
      query: 'mutation Seed($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }',
      variables: { input: registerInput(templateCustomer) },
    });
    const templateComplaint = registered.registerComplaint.id;

    const customers = Math.max(1, sizes.customers - 1);
    const complaints = Math.max(0, sizes.complaints - 1);
    log(`generating ${customers} customers and ${complaints} complaints from the templates`);
    await copyRows(crm, 'customer', templateCustomer, customers, {
      id: customerId('g'),
      full_name: `'Customer ' || g`,
      email: `'customer' || g || '@example.com'`,
      created_at: `now() - g * interval '1 second'`,
      updated_at: `now() - g * interval '1 second'`,
    });
    await copyRows(complaint, 'known_customer', templateCustomer, customers, { id: customerId('g') });
    await copyRows(complaint, 'complaint', templateComplaint, complaints, {
      id: 'gen_random_uuid()',
      registration_number: `'CMP-BENCH-' || lpad(g::text, 7, '0')`,
      customer_id: customerId(`(1 + g % ${customers})`),
      created_at: `now() - g * interval '100 milliseconds'`,
      updated_at: `now() - g * interval '100 milliseconds'`,
    });
    await crm.query('ANALYZE');
    await complaint.query('ANALYZE');
    const ids = await crm.query<{ id: string }>(`SELECT ${customerId('g')}::text AS id FROM generate_series(1, LEAST($1::int, 200)) g`, [customers]);
    const total = await complaint.query<{ n: string }>('SELECT count(*) AS n FROM complaint');
    return { customerIds: ids.rows.map((r) => r.id), complaintId: templateComplaint, complaints: Number(total.rows[0].n) };
  } finally {
    await crm.end();
    await complaint.end();
  }
}

export function registerInput(customer: string) {
  return {
    customerId: customer,
    channel: 'PHONE',
    category: 'BAGGAGE',
    urgency: 'MEDIUM',
    description: 'My suitcase did not arrive in Frankfurt and nobody at the desk could tell me where it is.',
    occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
    location: 'FRA Terminal 1',
  };
}

async function copyRows(client: Client, table: string, templateId: string, count: number, overrides: Record<string, string>): Promise<void> {
  if (count < 1) return;
  const columns = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' AND is_identity = 'NO' ORDER BY ordinal_position`,
    [table],
  );
  const names = columns.rows.map((c) => c.column_name);
  const values = names.map((name) => overrides[name] ?? `t.${quote(name)}`);
  // In slices, so that a million rows do not make one huge transaction.
  const slice = 100_000;
  for (let from = 1; from <= count; from += slice) {
    const to = Math.min(count, from + slice - 1);
    await client.query(
      `INSERT INTO ${quote(table)} (${names.map(quote).join(', ')})
       SELECT ${values.join(', ')} FROM ${quote(table)} t CROSS JOIN generate_series(${from}, ${to}) g WHERE t.id = $1`,
      [templateId],
    );
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
