import { randomUUID } from 'node:crypto';
import { databaseUrl } from '@carebridge/config';
import { TOPICS } from '@carebridge/event-contracts';
import { EmbeddedTransport } from '@carebridge/messaging';
import { createTestDatabase } from '@carebridge/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inboundContracts, inboundMessages } from './inbound-events';
import { tailTopic } from './topic-tail';

const EXAMPLE = join(__dirname, '../../bookings/examples/booking-events.json');
const now = new Date('2026-11-20T10:00:00Z');

describe('events:publish, the example producer of inbound streams', () => {
  it('publishes only inbound events: the reservation system’s bookings', () => {
    expect(inboundContracts().map((c) => c.type).sort()).toEqual(['booking.cancelled', 'booking.changed', 'booking.completed', 'booking.confirmed']);
    expect(() => inboundMessages([{ type: 'customer.erased', data: { customerId: randomUUID(), erasedAt: now.toISOString() } }], { file: 'f.json', now })).toThrow(
      /f\.json\[0\]\.type: "customer\.erased" v1 is not an inbound event/,
    );
  });

  it('checks every event against its contract and sends nothing while one is wrong', () => {
    const [good] = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const bad = { ...good, data: { ...good.data, segments: [{ ...good.data.segments[0], origin: 'Frankfurt' }] } };
    expect(() => inboundMessages([good, bad], { file: 'f.json', now })).toThrow(/f\.json\[1\]\.data\.segments\.0\.origin: must be a 3-letter IATA airport code/);
    expect(() => inboundMessages({ type: 'booking.confirmed' }, { file: 'f.json', now })).toThrow(/must be a JSON array/);
  });

  it('puts the example file’s events in the envelope, from the reservation system, keyed by booking reference, onto the booking topic', async () => {
    const entries = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const messages = inboundMessages(entries, { file: EXAMPLE, now });
    expect(messages.map((m) => [m.topic, m.headers.ce_type, m.headers.ce_source])).toEqual(
      entries.map((e: { type: string }) => [TOPICS.booking, e.type, '/carebridge/reservation-system']),
    );
    expect(messages.map((m) => m.key)).toEqual(entries.map((e: { data: { bookingReference: string } }) => e.data.bookingReference));

    const database = await createTestDatabase('event_stream_publish');
    const transport = new EmbeddedTransport({ url: databaseUrl(database.serverUrl, database.database) });
    try {
      await transport.publish(messages);
      const lines: string[] = [];
      await tailTopic(transport, { topic: TOPICS.booking, fromBeginning: true, follow: false }, (line) => {
        lines.push(line);
      });
      expect(lines.map((line) => JSON.parse(line).type).sort()).toEqual(entries.map((e: { type: string }) => e.type).sort());
    } finally {
      await transport.close();
      await database.drop();
    }
  });
});
