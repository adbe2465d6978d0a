import { customerCreated } from '@carebridge/event-contracts';
import { decodeEnvelope, encodeEvent, MalformedEventError } from './envelope';
import type { TransportMessage } from './transport';

describe('CloudEvents envelope (Kafka binary content mode)', () => {
  const data = { customerId: '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c', tier: 'GOLD' as const, preferredLanguage: 'de', createdAt: '2026-10-01T08:00:00.000Z' };
  const time = new Date('2026-11-02T09:15:30.123Z');
  const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
  const id = '0b7c6f5e-1a2b-4c3d-8e9f-a0b1c2d3e4f5';

  it('puts the attributes in ce_* headers and the data, as JSON, in the value', () => {
    const message = encodeEvent(customerCreated, data, { source: 'crm', time, id, traceparent });
    expect(message.topic).toBe('carebridge.crm.customer');
    expect(message.key).toBe(data.customerId);
    expect(message.headers).toEqual({
      ce_id: id,
      ce_source: '/carebridge/crm',
      ce_type: 'customer.created',
      ce_specversion: '1.0',
      ce_time: '2026-11-02T09:15:30.123Z',
      ce_subject: data.customerId,
      ce_dataschema: 'urn:carebridge:events:customer.created:v1',
      'content-type': 'application/json',
      ce_traceparent: traceparent,
    });
    expect(JSON.parse(message.value.toString('utf8'))).toEqual(data);
  });

  it('round-trips: decoding gives back every attribute and the data', () => {
    const message: TransportMessage = { ...encodeEvent(customerCreated, data, { source: 'crm', time, id, traceparent }), partition: 2, offset: '41' };
    const decoded = decodeEnvelope(message);
    expect(decoded).toEqual({
      id,
      type: 'customer.created',
      version: 1,
      source: '/carebridge/crm',
      time,
      subject: data.customerId,
      traceparent,
      transportTraceparent: undefined,
      topic: 'carebridge.crm.customer',
      partition: 2,
      offset: '41',
      rawData: data,
    });
    expect(customerCreated.schema.parse(decoded.rawData)).toEqual(data);
  });

  it('generates a fresh uuid id when none is given and leaves traceparent out without a trace', () => {
    const a = encodeEvent(customerCreated, data, { source: 'crm', time });
    const b = encodeEvent(customerCreated, data, { source: 'crm', time });
    expect(a.headers.ce_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.headers.ce_id).not.toBe(b.headers.ce_id);
    expect(a.headers).not.toHaveProperty('ce_traceparent');
    expect(decodeEnvelope(a).traceparent).toBeUndefined();
  });

  it('reads the cause from ce_traceparent and the hop from traceparent; an older event has only traceparent', () => {
    const hop = '00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01';
    const message = encodeEvent(customerCreated, data, { source: 'crm', time, id, traceparent });
    expect(decodeEnvelope({ ...message, headers: { ...message.headers, traceparent: hop } })).toMatchObject({ traceparent, transportTraceparent: hop });
    const { ce_traceparent: _cause, ...older } = message.headers;
    expect(decodeEnvelope({ ...message, headers: { ...older, traceparent: hop } })).toMatchObject({ traceparent: hop, transportTraceparent: hop });
  });

  it('falls back to the message key when ce_subject is absent', () => {
    const message = encodeEvent(customerCreated, data, { source: 'crm', time, id });
    delete message.headers.ce_subject;
    expect(decodeEnvelope(message).subject).toBe(data.customerId);
  });

  describe('refuses malformed messages with a MalformedEventError that says why', () => {
    const valid = () => encodeEvent(customerCreated, data, { source: 'crm', time, id });
    it.each(['ce_id', 'ce_type', 'ce_source', 'ce_specversion', 'ce_time', 'ce_dataschema'])('missing %s', (header) => {
      const message = valid();
      delete message.headers[header];
      expect(() => decodeEnvelope(message)).toThrow(new MalformedEventError(`header ${header} is missing`));
    });

    it('another CloudEvents spec version', () => {
      const message = valid();
      message.headers.ce_specversion = '0.3';
      expect(() => decodeEnvelope(message)).toThrow('unsupported CloudEvents specversion 0.3');
    });

    it('a dataschema without a version', () => {
      const message = valid();
      message.headers.ce_dataschema = 'urn:carebridge:events:customer.created';
      expect(() => decodeEnvelope(message)).toThrow(/names no version/);
    });

    it('a value that is not JSON', () => {
      const message = { ...valid(), value: Buffer.from('<xml/>') };
      expect(() => decodeEnvelope(message)).toThrow(MalformedEventError);
      expect(() => decodeEnvelope(message)).toThrow('message value is not JSON');
    });
  });
});
