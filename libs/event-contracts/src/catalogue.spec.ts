import { z } from 'zod';
import { contractId, dataSchemaUri, defineEvent, field } from './contract';
import { customerExportContributors, EVENT_CATALOGUE, findContract } from './catalogue';
import { defineCustomerExportPrepared } from './customer-export';
import { TOPICS, deadLetterTopic, legacyDeadLetterTopic } from './topics';

describe('the event catalogue', () => {
  it('declares each type and version once', () => {
    const ids = EVENT_CATALOGUE.map(contractId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts every event on a known topic of its producer', () => {
    const topics = new Set<string>(Object.values(TOPICS));
    for (const contract of EVENT_CATALOGUE) {
      expect({ type: contract.type, topicKnown: topics.has(contract.topic) }).toEqual({ type: contract.type, topicKnown: true });
      expect(contract.topic.startsWith(`carebridge.${contract.producer}.`)).toBe(true);
      expect(contract.description.length).toBeGreaterThan(20);
      expect(contract.personalData.length).toBeGreaterThan(0);
    }
  });

  it('finds a contract by type and version only', () => {
    expect(findContract('complaint.registered', 1)?.producer).toBe('complaint');
    expect(findContract('complaint.registered', 2)).toBeUndefined();
  });

  it('knows the contributors to customer data exports from their contracts', () => {
    expect(customerExportContributors().map((c) => c.type)).toEqual(['complaint.customer_export_prepared', 'inquiry.customer_export_prepared', 'after_sales.customer_export_prepared', 'communication.customer_export_prepared']);
    const lookalike = defineEvent({ ...customerExportContributors()[0], type: 'parcel.customer_export_prepared', producer: 'parcel' });
    const parcel = defineCustomerExportPrepared('parcel', 'carebridge.parcel.customer-export');
    expect(customerExportContributors([...EVENT_CATALOGUE, lookalike, parcel]).map((c) => c.producer)).toEqual(['complaint', 'inquiry', 'after-sales', 'communication', 'parcel']);
  });

  it('names the contracts of a producer with a hyphen in its name with an underscore, as event types allow', () => {
    expect(defineCustomerExportPrepared('lost-and-found', 'carebridge.lost-and-found.customer-export')).toMatchObject({ type: 'lost_and_found.customer_export_prepared', producer: 'lost-and-found' });
  });

  it('marks the streams that systems outside Carebridge publish as inbound, and only those', () => {
    expect(EVENT_CATALOGUE.filter((c) => c.inbound).map((c) => `${c.producer} ${c.type}`).sort()).toEqual([
      'reservation-system booking.cancelled',
      'reservation-system booking.changed',
      'reservation-system booking.completed',
      'reservation-system booking.confirmed',
    ]);
  });

  it('names the dead-letter topic of a consumer group', () => {
    expect(deadLetterTopic('carebridge.crm')).toBe('carebridge.dead-letter.crm');
    expect(legacyDeadLetterTopic('carebridge.crm')).toBe('carebridge.dead-letter.carebridge.crm');
  });
});

describe('defineEvent', () => {
  const schema = z.object({ parcelId: field.id(), sentAt: field.time() });
  const base = { producer: 'test', topic: 'carebridge.test.parcel', description: 'A parcel was sent.', schema, key: (d: z.infer<typeof schema>) => d.parcelId, personalData: 'none' };

  it('refuses a type that does not read aggregate.happened, and a version below 1', () => {
    expect(() => defineEvent({ ...base, type: 'ParcelSent', version: 1 })).toThrow(/aggregate\.happened/);
    expect(() => defineEvent({ ...base, type: 'parcel.sent', version: 0 })).toThrow(/version/);
  });

  it('keys an event by its aggregate and names its schema with the version', () => {
    const contract = defineEvent({ ...base, type: 'parcel.sent', version: 3 });
    expect(contract.key({ parcelId: '0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2d3e', sentAt: '2026-11-22T10:00:00.000Z' })).toBe('0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2d3e');
    expect(dataSchemaUri(contract)).toBe('urn:carebridge:events:parcel.sent:v3');
  });

  it('accepts ISO times with an offset and refuses other strings', () => {
    expect(schema.safeParse({ parcelId: '0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2d3e', sentAt: '2026-11-22T10:00:00+08:00' }).success).toBe(true);
    expect(schema.safeParse({ parcelId: '0b7c1f7e-7c55-4a3e-9a57-2f4f5b1c2d3e', sentAt: 'yesterday' }).success).toBe(false);
  });
});
