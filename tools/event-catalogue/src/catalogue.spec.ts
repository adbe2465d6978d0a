import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  asyncApiDocument,
  contractId,
  dataSchemaDocument,
  dataSchemaUri,
  deadLetterTopic,
  defineEvent,
  EVENT_CATALOGUE,
  type EventConsumption,
  field,
  incompatibleChanges,
  payloadSchema,
} from '@carebridge/event-contracts';
import { parse } from 'yaml';
import { z } from 'zod';
import { ASYNCAPI_DOCUMENT, catalogueFiles, compatibilityProblems, publishedAsyncApi, staleFiles } from './catalogue-files';
import { eventConsumption } from './event-consumers';

let consumers: EventConsumption[];
beforeAll(async () => {
  consumers = await eventConsumption();
}, 120_000);

describe('the committed event catalogue', () => {
  it('is up to date with the contracts and the services\' event handlers', () => {
    const stale = staleFiles(catalogueFiles(EVENT_CATALOGUE, consumers));
    if (stale.length) throw new Error(`${stale.join(' and ')} ${stale.length > 1 ? 'are' : 'is'} stale: run npm run events:catalogue`);
  });

  it('has no incompatible change to a published event version', () => {
    const published = publishedAsyncApi();
    const problems = compatibilityProblems(EVENT_CATALOGUE, published);
    if (problems.length) {
      throw new Error(`Incompatible changes against ${published?.source}; publish a new version of the contract instead:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
  });
});

describe('the AsyncAPI document', () => {
  let document: any;
  beforeAll(() => {
    document = parse(asyncApiDocument(EVENT_CATALOGUE, consumers));
  });

  it('is AsyncAPI 3.0.0', () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(document.info.title).toBe('Carebridge events');
  });

  it('has a channel per topic, holding the messages of that topic, with its retention', () => {
    const channels = Object.values<any>(document.channels).filter((c) => !c.address.startsWith('carebridge.dead-letter.'));
    const topics = [...new Set(EVENT_CATALOGUE.map((c) => c.topic))];
    expect(channels.map((c) => c.address).sort()).toEqual(topics.sort());
    for (const channel of channels) expect(channel.bindings.kafka.topicConfiguration['retention.ms']).toBeGreaterThan(0);
    for (const contract of EVENT_CATALOGUE) {
      const channel = channels.find((c) => c.address === contract.topic);
      expect(channel.messages[contractId(contract)]).toEqual({ $ref: `#/components/messages/${contractId(contract)}` });
    }
  });

  it('has a message per contract with the CloudEvents headers and the payload schema', () => {
    const messages = document.components.messages;
    expect(Object.keys(messages).filter((id) => id !== 'deadLetter').sort()).toEqual(EVENT_CATALOGUE.map(contractId).sort());
    for (const contract of EVENT_CATALOGUE) {
      const message = messages[contractId(contract)];
      expect(message.name).toBe(contract.type);
      expect(message.headers).toEqual({ $ref: '#/components/schemas/CloudEventHeaders' });
      expect(message.payload).toEqual(payloadSchema(contract));
      expect(message['x-carebridge-version']).toBe(contract.version);
    }
    const headers = document.components.schemas.CloudEventHeaders;
    expect(headers.required).toEqual(expect.arrayContaining(['ce_id', 'ce_source', 'ce_type', 'ce_specversion', 'ce_time', 'ce_subject', 'ce_dataschema', 'content-type']));
    expect(Object.keys(headers.properties)).toContain('traceparent');
  });

  it('has a send operation per contract a service publishes, none for an inbound stream', () => {
    const sends = Object.entries<any>(document.operations).filter(([id, o]) => o.action === 'send' && !id.endsWith('-sends-dead-letters'));
    expect(sends).toHaveLength(EVENT_CATALOGUE.filter((c) => !c.inbound).length);
  });

  it('has a receive operation per service and event version it consumes, with its consumer group', () => {
    const receives = Object.values<any>(document.operations).filter((o) => o.action === 'receive');
    expect(receives).toHaveLength(consumers.reduce((sum, c) => sum + c.events.length, 0));
    const complaint = receives.filter((o) => o['x-carebridge-consumer'] === 'complaint');
    expect(complaint.length).toBeGreaterThan(0);
    expect(complaint[0].bindings.kafka.groupId.const).toBe('carebridge.complaint');
    // Every inbound stream has a Carebridge consumer.
    for (const contract of EVENT_CATALOGUE.filter((c) => c.inbound)) {
      expect({ contract: contract.type, consumed: receives.some((o) => o.messages[0].$ref.endsWith(`/${contractId(contract)}`)) }).toEqual({ contract: contract.type, consumed: true });
    }
  });

  it('declares the dead-letter topic of every consumer group', () => {
    const addresses = Object.values<any>(document.channels).map((c) => c.address);
    for (const consumer of consumers.filter((c) => c.events.length)) expect(addresses).toContain(deadLetterTopic(consumer.group));
    expect(document.components.schemas.DeadLetterHeaders.required).toContain('dlq_consumer_group');
  });

  it('resolves each ce_dataschema to a served JSON Schema with that $id', () => {
    for (const contract of EVENT_CATALOGUE) {
      const message = document.components.messages[contractId(contract)];
      expect(message['x-carebridge-dataschema-document']).toBe(`schemas/events/${contractId(contract)}.json`);
      expect(JSON.parse(dataSchemaDocument(contract)).$id).toBe(dataSchemaUri(contract));
    }
  });

  it('every $ref resolves', () => {
    const refs: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === '$ref' && typeof inner === 'string') refs.push(inner);
          else collect(inner);
        }
      }
    };
    collect(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<any>((node, segment) => node?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')], document);
      expect({ ref, resolves: target !== undefined }).toEqual({ ref, resolves: true });
    }
  });
});

describe('incompatibleChanges', () => {
  const base = {
    type: 'parcel.sent',
    producer: 'test',
    topic: 'carebridge.test.parcel',
    description: 'A made-up contract for the compatibility rules.',
    key: (data: { parcelId: string }) => data.parcelId,
    personalData: 'none',
  };
  const fields = {
    parcelId: field.id(),
    weightKg: z.number(),
    status: z.enum(['SENT', 'LOST']),
    labels: z.array(z.string()),
    sentAt: field.time(),
  };
  const published = asyncApiDocument([defineEvent({ ...base, version: 1, schema: z.object(fields) })]);
  const changed = (schema: z.ZodObject<any>, version = 1) => incompatibleChanges([defineEvent({ ...base, version, schema })], published);

  it('accepts the unchanged contract', () => {
    expect(changed(z.object(fields))).toEqual([]);
  });

  it('accepts a new optional field', () => {
    expect(changed(z.object({ ...fields, note: z.string().optional() }))).toEqual([]);
  });

  it('refuses a removed field', () => {
    const { weightKg: _removed, ...rest } = fields;
    expect(changed(z.object(rest))).toEqual(['parcel.sent v1: data.weightKg was removed — publish it as version 2 instead']);
  });

  it('refuses a changed type', () => {
    expect(changed(z.object({ ...fields, weightKg: z.string() }))).toEqual(['parcel.sent v1: data.weightKg changed its type or rules — publish it as version 2 instead']);
  });

  it('refuses a changed item type of an array', () => {
    expect(changed(z.object({ ...fields, labels: z.array(z.number()) }))).toEqual(['parcel.sent v1: data.labels[] changed its type or rules — publish it as version 2 instead']);
  });

  it('refuses a new required field', () => {
    expect(changed(z.object({ ...fields, note: z.string() }))).toEqual(['parcel.sent v1: data.note became required — publish it as version 2 instead']);
  });

  it('refuses a required field becoming optional', () => {
    expect(changed(z.object({ ...fields, sentAt: field.time().optional() }))).toEqual(['parcel.sent v1: data.sentAt became optional — publish it as version 2 instead']);
  });

  it('refuses an enum change, whether a value is added or removed', () => {
    expect(changed(z.object({ ...fields, status: z.enum(['SENT', 'LOST', 'RETURNED']) }))).toEqual([
      'parcel.sent v1: data.status changed its type or rules — publish it as version 2 instead',
    ]);
    expect(changed(z.object({ ...fields, status: z.enum(['SENT']) }))).toEqual(['parcel.sent v1: data.status changed its type or rules — publish it as version 2 instead']);
  });

  it('accepts any change as a new version, which has not been published yet, beside the published one', () => {
    const next = defineEvent({ ...base, version: 2, schema: z.object({ parcelId: field.id(), weightGrams: z.number().int() }) });
    expect(incompatibleChanges([defineEvent({ ...base, version: 1, schema: z.object(fields) }), next], published)).toEqual([]);
  });

  it('refuses dropping a published version', () => {
    expect(changed(z.object({ parcelId: field.id() }), 2)).toEqual(['parcel.sent v1 was published and is no longer declared — keep its contract']);
  });

  it('refuses moving a published version to another topic', () => {
    const moved = defineEvent({ ...base, version: 1, topic: 'carebridge.elsewhere', schema: z.object(fields) });
    expect(incompatibleChanges([moved], published)).toEqual([
      'parcel.sent v1: moved from topic carebridge.test.parcel to carebridge.elsewhere — publish it as version 2 instead',
    ]);
  });

  it('ignores contracts when nothing has been published', () => {
    expect(compatibilityProblems([defineEvent({ ...base, version: 1, schema: z.object({ parcelId: field.id() }) })], undefined)).toEqual([]);
  });
});

describe('publishedAsyncApi', () => {
  let root: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'ignore' });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'carebridge-catalogue-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (text: string) => {
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, ASYNCAPI_DOCUMENT), text);
  };

  it('is undefined before anything was published', () => {
    expect(publishedAsyncApi(root)).toBeUndefined();
  });

  it('is the working-tree file outside git or before it is committed', () => {
    write('asyncapi: 3.0.0\n');
    expect(publishedAsyncApi(root)).toEqual({ source: ASYNCAPI_DOCUMENT, text: 'asyncapi: 3.0.0\n' });
    git('init', '--quiet');
    expect(publishedAsyncApi(root)?.source).toBe(ASYNCAPI_DOCUMENT);
  });

  it('is the committed file when there is one, whatever the working tree says', () => {
    git('init', '--quiet');
    write('# committed\n');
    git('add', '.');
    git('commit', '--quiet', '-m', 'publish');
    write('# edited\n');
    expect(publishedAsyncApi(root)).toEqual({ source: `git HEAD:${ASYNCAPI_DOCUMENT}`, text: '# committed\n' });
  });
});
