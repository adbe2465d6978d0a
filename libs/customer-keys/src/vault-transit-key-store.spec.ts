import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inquiryEscalated } from '@carebridge/event-contracts';
import { newKey, seal, unseal } from './aes-gcm';
import { EventFieldEncryption, UNREADABLE_TEXT } from './event-field-encryption';
import { type ErasureRecord, VaultTransitKeyStore } from './vault-transit-key-store';

/**
 * A small stand-in for Vault's transit HTTP API (the endpoints the adapter uses, with Vault's
 * status codes and error shapes): keys live in memory, deletion needs `deletion_allowed`.
 */
class FakeVaultTransit {
  readonly keys = new Map<string, { key: Buffer; deletionAllowed: boolean }>();
  readonly calls: string[] = [];
  private server?: Server;

  async start(token: string): Promise<string> {
    this.server = createServer(async (request, response) => {
      const body = await readJson(request);
      const reply = (status: number, json?: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(json === undefined ? '' : JSON.stringify(json));
      };
      if (request.headers['x-vault-token'] !== token) return reply(403, { errors: ['permission denied'] });
      const path = (request.url ?? '').replace(/^\/v1\/transit\//, '');
      this.calls.push(`${request.method} ${path}`);
      let match: RegExpExecArray | null;
      if (request.method === 'POST' && (match = /^keys\/([^/]+)$/.exec(path))) {
        if (!this.keys.has(match[1])) this.keys.set(match[1], { key: newKey(), deletionAllowed: false });
        return reply(204);
      }
      if (request.method === 'POST' && (match = /^keys\/([^/]+)\/config$/.exec(path))) {
        const entry = this.keys.get(match[1]);
        if (!entry) return reply(400, { errors: ['encryption key not found'] });
        entry.deletionAllowed = body.deletion_allowed === true;
        return reply(204);
      }
      if (request.method === 'DELETE' && (match = /^keys\/([^/]+)$/.exec(path))) {
        const entry = this.keys.get(match[1]);
        if (entry && !entry.deletionAllowed) return reply(400, { errors: ['deletion is not allowed for this key'] });
        this.keys.delete(match[1]);
        return reply(204);
      }
      if (request.method === 'POST' && (match = /^datakey\/plaintext\/([^/]+)$/.exec(path))) {
        const entry = this.keys.get(match[1]);
        if (!entry) return reply(400, { errors: ['encryption key not found'] });
        const plaintext = newKey();
        return reply(200, { data: { plaintext: plaintext.toString('base64'), ciphertext: `vault:v1:${seal(entry.key, plaintext, match[1]).toString('base64')}` } });
      }
      if (request.method === 'POST' && (match = /^decrypt\/([^/]+)$/.exec(path))) {
        const entry = this.keys.get(match[1]);
        if (!entry) return reply(400, { errors: ['encryption key not found'] });
        const plaintext = unseal(entry.key, Buffer.from(String(body.ciphertext).replace(/^vault:v1:/, ''), 'base64'), match[1]);
        return plaintext ? reply(200, { data: { plaintext: plaintext.toString('base64') } }) : reply(400, { errors: ['cipher: message authentication failed'] });
      }
      return reply(404, { errors: [] });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function readJson(request: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

class MemoryErasures implements ErasureRecord {
  readonly erased = new Set<string>();
  async isErased(subject: string) {
    return this.erased.has(subject);
  }
  async record(subject: string) {
    this.erased.add(subject);
  }
}

describe('VaultTransitKeyStore against the transit HTTP API', () => {
  const vault = new FakeVaultTransit();
  let address: string;

  beforeAll(async () => {
    address = await vault.start('s.test-token');
  });
  afterAll(() => vault.stop());

  const escalation = (customerId: string) => ({
    inquiryId: randomUUID(),
    customerId,
    escalatedBy: 'agent-1',
    escalatedAt: '2026-11-02T09:00:00.000Z',
    channel: 'EMAIL' as const,
    category: 'ACCOMMODATION' as const,
    urgency: 'HIGH' as const,
    description: 'Hanako Yamada, hanako@example.com, +81 90 1234 5678',
    occurredAt: null,
    conversation: [{ direction: 'INBOUND' as const, authorId: null, at: '2026-11-02T08:00:00.000Z', body: 'call me on +81 90 1234 5678' }],
  });

  it('keeps one transit key per customer, seals with its data keys, and erasure deletes the key for good', async () => {
    const erasures = new MemoryErasures();
    const store = new VaultTransitKeyStore({ address, token: 's.test-token', erasures });
    const sealing = new EventFieldEncryption(store);
    const erased = randomUUID();
    const kept = randomUUID();
    const sealedErased = await sealing.seal(inquiryEscalated, escalation(erased));
    const sealedKept = await sealing.seal(inquiryEscalated, escalation(kept));
    expect(JSON.stringify(sealedErased)).not.toMatch(/Hanako|5678/);
    expect(vault.keys.has(`carebridge-customer-${erased}`)).toBe(true);

    // Another service, its own cache: it opens through Vault's decrypt.
    const opened = await new EventFieldEncryption(new VaultTransitKeyStore({ address, token: 's.test-token', erasures })).open(inquiryEscalated, sealedErased);
    expect(opened.data.description).toContain('Hanako');
    expect(vault.calls).toContain(`POST decrypt/carebridge-customer-${erased}`);

    await store.destroy(erased);
    expect(vault.keys.has(`carebridge-customer-${erased}`)).toBe(false);
    expect(erasures.erased.has(erased)).toBe(true);
    await store.destroy(erased); // idempotent

    const reader = new EventFieldEncryption(new VaultTransitKeyStore({ address, token: 's.test-token', erasures }));
    const afterwards = await reader.open(inquiryEscalated, sealedErased);
    expect(afterwards.unreadable).toEqual(['description', 'conversation']);
    expect(afterwards.data).toMatchObject({ description: UNREADABLE_TEXT, conversation: [] });
    expect((await reader.open(inquiryEscalated, sealedKept)).data.description).toContain('Hanako');

    // No new key for an erased customer: later events carry the erased marker.
    expect(await store.generateDataKey(erased)).toBeUndefined();
    expect(vault.keys.has(`carebridge-customer-${erased}`)).toBe(false);
  });

  it('fails loudly, without key material, when Vault refuses the token', async () => {
    const store = new VaultTransitKeyStore({ address, token: 'wrong', erasures: new MemoryErasures() });
    await expect(store.generateDataKey(randomUUID())).rejects.toThrow('Vault transit key creation failed with HTTP 403: permission denied');
  });
});
