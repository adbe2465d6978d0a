import { z } from 'zod';
import { stringify } from 'yaml';
import { type EventContract, contractId, dataSchemaUri } from './contract';
import { deadLetterTopic, topicRetention } from './topics';

type JsonSchema = Record<string, any>;

export function payloadSchema(contract: EventContract): JsonSchema {
  // The input view: consumers must accept fields they do not know, so no `additionalProperties: false`.
  const { $schema: _ignored, ...schema } = z.toJSONSchema(contract.schema, { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
  // A sealed field travels as a `cbenc1.` string; the schema shows the value a consumer opens it to.
  // (Said in the description: the compatibility check reads descriptions as documentation only.)
  for (const name of contract.encrypted?.fields ?? []) {
    const property = schema.properties?.[name];
    if (property) schema.properties[name] = { ...property, description: [property.description, SEALED_FIELD].filter(Boolean).join(' ') };
  }
  return schema;
}

const SEALED_FIELD = "Sealed: on the wire a cbenc1.<subject>.… string, this value encrypted with the customer's key (AES-256-GCM), unreadable once the customer is erased (docs/security.md).";

const CLOUD_EVENT_HEADERS: JsonSchema = {
  type: 'object',
  description: 'CloudEvents 1.0 attributes in Kafka binary content mode, plus W3C trace context.',
  required: ['ce_id', 'ce_source', 'ce_type', 'ce_specversion', 'ce_time', 'ce_subject', 'ce_dataschema', 'content-type'],
  properties: {
    ce_id: { type: 'string', format: 'uuid', description: 'Event id; the same on a redelivery, so consumers de-duplicate on it.' },
    ce_source: { type: 'string', description: 'Producing service, /carebridge/<service>.' },
    ce_type: { type: 'string', description: 'Event type, e.g. complaint.registered.' },
    ce_specversion: { type: 'string', const: '1.0' },
    ce_time: { type: 'string', format: 'date-time', description: 'When the change happened (commit of the producing transaction).' },
    ce_subject: { type: 'string', description: 'Aggregate id; equals the Kafka message key.' },
    ce_dataschema: { type: 'string', description: 'urn:carebridge:events:<type>:v<version>' },
    'content-type': { type: 'string', const: 'application/json', description: 'CloudEvents datacontenttype.' },
    ce_traceparent: { type: 'string', description: 'CloudEvents distributed-tracing extension: W3C trace context of the outbox write that recorded the event, in the trace of the request that caused it; never changes.' },
    traceparent: { type: 'string', description: 'W3C trace context of the hop that delivered the event (the relay publish, or the Kafka send).' },
  },
};

/** Who consumes what: a service's consumer group and the event versions its handlers apply. */
export interface EventConsumption {
  service: string;
  group: string;
  events: readonly Pick<EventContract, 'type' | 'version'>[];
}

/** Where a contract's JSON Schema is served, relative to docs/; its `$id` is the contract's ce_dataschema. */
export function dataSchemaPath(contract: Pick<EventContract, 'type' | 'version'>): string {
  return `schemas/events/${contractId(contract)}.json`;
}

/** The JSON Schema a ce_dataschema URN resolves to (docs/schemas/events/<type>.v<version>.json). */
export function dataSchemaDocument(contract: EventContract): string {
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: dataSchemaUri(contract), title: `${contract.type} v${contract.version}`, description: contract.description, ...payloadSchema(contract) };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const channelIdOf = (topic: string) => topic.replace(/^carebridge\./, '').replace(/\./g, '-');

const kafkaTopicBinding = (topic: string) => {
  const retention = topicRetention(topic);
  return { kafka: { topic, topicConfiguration: { 'retention.ms': retention.ms, 'cleanup.policy': ['delete'] }, bindingVersion: '0.5.0' } };
};

const DEAD_LETTER_HEADERS: JsonSchema = {
  type: 'object',
  description: 'The original event headers (ce_*, traceparent), plus where and why it failed.',
  required: ['dlq_original_topic', 'dlq_consumer_group', 'dlq_error', 'dlq_attempts', 'dlq_failed_at'],
  properties: {
    dlq_original_topic: { type: 'string' },
    dlq_original_partition: { type: 'string' },
    dlq_original_offset: { type: 'string' },
    dlq_consumer_group: { type: 'string', description: 'The consumer group that gave up; a replay is applied by this group only.' },
    dlq_error: { type: 'string', description: 'The last error, at most 2,000 characters.' },
    dlq_attempts: { type: 'string' },
    dlq_failed_at: { type: 'string', format: 'date-time' },
  },
};

/** The AsyncAPI 3 document for every topic and event type, who consumes them, and the dead-letter topics, as YAML. */
export function asyncApiDocument(contracts: readonly EventContract[], consumers: readonly EventConsumption[] = []): string {
  const channels: JsonSchema = {};
  const operations: JsonSchema = {};
  const messages: JsonSchema = {};
  for (const contract of contracts) {
    const id = contractId(contract);
    const channelId = channelIdOf(contract.topic);
    channels[channelId] ??= { address: contract.topic, title: contract.topic, description: topicRetention(contract.topic).why, messages: {}, bindings: kafkaTopicBinding(contract.topic) };
    channels[channelId].messages[id] = { $ref: `#/components/messages/${id}` };
    messages[id] = {
      name: contract.type,
      title: `${contract.type} v${contract.version}`,
      summary: contract.description,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/CloudEventHeaders' },
      payload: payloadSchema(contract),
      bindings: { kafka: { key: { type: 'string', description: 'Aggregate id (same as ce_subject)' }, bindingVersion: '0.5.0' } },
      'x-carebridge-version': contract.version,
      'x-carebridge-producer': contract.producer,
      'x-carebridge-dataschema': dataSchemaUri(contract),
      'x-carebridge-dataschema-document': dataSchemaPath(contract),
      'x-carebridge-personal-data': contract.personalData,
      ...(contract.encrypted ? { 'x-carebridge-sealed-fields': [...contract.encrypted.fields] } : {}),
      ...(contract.inbound ? { 'x-carebridge-inbound': true } : {}),
    };
    // An inbound stream is sent by a system outside Carebridge: no Carebridge service sends it.
    if (!contract.inbound) {
      operations[`${contract.producer}-sends-${contract.type.replace(/\./g, '-')}-v${contract.version}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${channelId}` },
        messages: [{ $ref: `#/channels/${channelId}/messages/${id}` }],
      };
    }
  }
  for (const consumer of consumers) {
    for (const event of consumer.events) {
      const contract = contracts.find((c) => c.type === event.type && c.version === event.version);
      if (!contract) throw new Error(`${consumer.service} consumes ${event.type} v${event.version}, which the catalogue does not declare`);
      const channelId = channelIdOf(contract.topic);
      operations[`${consumer.service}-receives-${contract.type.replace(/\./g, '-')}-v${contract.version}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${channelId}` },
        messages: [{ $ref: `#/channels/${channelId}/messages/${contractId(contract)}` }],
        bindings: { kafka: { groupId: { type: 'string', const: consumer.group }, bindingVersion: '0.5.0' } },
        'x-carebridge-consumer': consumer.service,
      };
    }
    if (!consumer.events.length) continue;
    const topic = deadLetterTopic(consumer.group);
    const channelId = channelIdOf(topic);
    channels[channelId] = {
      address: topic,
      title: topic,
      description: `Events the consumer group ${consumer.group} gave up on after its retries. ${topicRetention(topic).why} List and replay with npm run events:dead-letters -- --service ${consumer.service}.`,
      messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
      bindings: kafkaTopicBinding(topic),
    };
    operations[`${consumer.service}-sends-dead-letters`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      messages: [{ $ref: `#/channels/${channelId}/messages/deadLetter` }],
    };
  }
  if (consumers.some((c) => c.events.length)) {
    messages.deadLetter = {
      name: 'dead-letter',
      title: 'Dead letter',
      summary: 'An event a consumer group could not apply: the original key and value, its headers, and where and why it failed.',
      contentType: 'application/json',
      headers: { allOf: [{ $ref: '#/components/schemas/CloudEventHeaders' }, { $ref: '#/components/schemas/DeadLetterHeaders' }] },
      payload: { description: 'The original event data, unchanged (it may not match its contract: that can be why it failed).' },
    };
  }
  const document = {
    asyncapi: '3.0.0',
    info: {
      title: 'Carebridge events',
      version: '1.0.0',
      description:
        'Events the Carebridge services publish through their transactional outboxes (send operations), the consumer groups that apply them (receive operations, one per service and event version), the inbound streams from systems outside Carebridge (messages with x-carebridge-inbound) and each consumer group\'s dead-letter topic. Every channel states its topic retention. A message\'s ce_dataschema URN resolves to the JSON Schema at docs/<x-carebridge-dataschema-document>. Generated from libs/event-contracts and the services\' event handlers; do not edit by hand (npm run events:catalogue).',
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: { host: 'kafka:9092', protocol: 'kafka', description: 'Production Kafka (KAFKA_BROKERS). Locally the embedded transport keeps the same topics in Postgres.' },
    },
    channels,
    operations,
    components: { schemas: { CloudEventHeaders: CLOUD_EVENT_HEADERS, ...(messages.deadLetter ? { DeadLetterHeaders: DEAD_LETTER_HEADERS } : {}) }, messages },
  };
  return `# Generated from libs/event-contracts — run \`npm run events:catalogue\` after changing a contract.\n${stringify(document, { lineWidth: 0 })}`;
}

/** The human catalogue, docs/events.md. */
export function eventCatalogueMarkdown(contracts: readonly EventContract[], consumers: readonly EventConsumption[] = []): string {
  const consumersOf = (contract: EventContract) =>
    consumers.filter((c) => c.events.some((e) => e.type === contract.type && e.version === contract.version)).map((c) => c.service);
  const lines: string[] = [
    '# Event catalogue',
    '',
    '<!-- Generated from libs/event-contracts — run `npm run events:catalogue` after changing a contract. -->',
    '',
    'Every Carebridge service tells the others what happened through these events, written in the same',
    'transaction as the change (transactional outbox) and consumed idempotently. Analysts subscribe to the',
    'same streams (see the README, "Subscribing to event streams"); the machine-readable form is',
    '[asyncapi.yaml](asyncapi.yaml).',
    '',
    '**Envelope.** CloudEvents 1.0 in Kafka binary mode: the data is the JSON message value; the attributes',
    'are headers `ce_id`, `ce_source`, `ce_type`, `ce_specversion`, `ce_time`, `ce_subject`, `ce_dataschema`,',
    '`content-type`, plus `ce_traceparent` (the cause\'s trace) and `traceparent` (the hop). The message key is the aggregate id (`ce_subject`), so events about',
    'one aggregate keep their order. `ce_id` is stable across redeliveries: consumers de-duplicate on it.',
    '',
    '**Versions.** A contract that changes incompatibly gets a new version (`ce_dataschema` ends in `:v<N>`);',
    '`npm test` refuses an incompatible change to a published version. Consumers ignore fields they do not know.',
    '',
    '**Data schemas.** `ce_dataschema` `urn:carebridge:events:<type>:v<N>` resolves to the JSON Schema',
    '[`schemas/events/<type>.v<N>.json`](schemas/events) beside this page (its `$id` is the URN).',
    '',
    '## Topics',
    '',
    '| Topic | Events | Key | Retention |',
    '| --- | --- | --- | --- |',
  ];
  const topics = [...new Set(contracts.map((c) => c.topic))];
  for (const topic of topics) {
    const onTopic = contracts.filter((c) => c.topic === topic);
    const inbound = onTopic.some((c) => c.inbound) ? ' (inbound)' : '';
    lines.push(
      `| \`${topic}\`${inbound} | ${onTopic.map((c) => `[\`${c.type}\` v${c.version}](#${anchor(c)})`).join(', ')} | aggregate id | ${topicRetention(topic).ms / 86_400_000} days |`,
    );
  }
  lines.push(
    '',
    '**Dead letters.** An event a consumer group cannot apply after its retries goes to that group’s',
    'dead-letter topic, `carebridge.dead-letter.<service>`, with the original key, value and headers and',
    '`dlq_*` headers saying where and why it failed (kept 30 days). `npm run events:dead-letters` lists and',
    'replays them; a replayed event is applied by that group only (header `carebridge_replayed_for_group`).',
    '',
  );
  const withDeadLetters = consumers.filter((c) => c.events.length);
  if (withDeadLetters.length) {
    lines.push('| Consumer group | Dead-letter topic | Consumes |', '| --- | --- | --- |');
    for (const consumer of withDeadLetters) {
      lines.push(`| \`${consumer.group}\` | \`${deadLetterTopic(consumer.group)}\` | ${consumer.events.length} event types |`);
    }
    lines.push('');
  }
  if (contracts.some((c) => c.encrypted)) {
    lines.push(
      '**Sealed fields.** Fields marked (sealed) carry personal data encrypted with their customer’s key',
      '(`cbenc1.<subject>.<wrapped data key>.<ciphertext>`); consumers open them with the customer key store,',
      'and once crm erases the customer the key is destroyed and they read as `[erased]`, null, [] or absent',
      '(docs/security.md, "Personal data in events").',
      '',
    );
  }
  if (contracts.some((c) => c.inbound)) {
    lines.push(
      '**Inbound streams.** Topics marked (inbound) are published by systems outside Carebridge — the company’s',
      'reservation system — in the same envelope, and consumed by Carebridge services; no Carebridge service',
      'publishes them. Their producer is that system (`ce_source` `/carebridge/<producer>`).',
      '',
    );
  }
  for (const contract of contracts) {
    const schema = payloadSchema(contract);
    lines.push(
      `## ${contract.type} v${contract.version}`,
      '',
      contract.description,
      '',
      contract.inbound
        ? `- Producer: \`${contract.producer}\`, outside Carebridge (source \`/carebridge/${contract.producer}\`): an inbound stream`
        : `- Producer: \`${contract.producer}\` (source \`/carebridge/${contract.producer}\`)`,
      `- Topic: \`${contract.topic}\``,
      `- Consumed by: ${consumersOf(contract).map((service) => `\`${service}\``).join(', ') || 'no Carebridge service (analysts and other systems)'}`,
      `- Data schema: [\`${dataSchemaUri(contract)}\`](${dataSchemaPath(contract)})`,
      `- Personal data: ${contract.personalData}`,
      ...(contract.encrypted ? [`- Sealed with the customer's key: ${contract.encrypted.fields.map((f) => `\`${f}\``).join(', ')}`] : []),
      '',
      '| Field | Type | Required |',
      '| --- | --- | --- |',
    );
    const required = new Set<string>(schema.required ?? []);
    for (const [name, property] of Object.entries<JsonSchema>(schema.properties ?? {})) {
      lines.push(`| \`${name}\`${(contract.encrypted?.fields as readonly string[] | undefined)?.includes(name) ? ' (sealed)' : ''} | ${describeType(property)} | ${required.has(name) ? 'yes' : 'no'} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/** GitHub's heading anchors: lower case, spaces to dashes, punctuation other than - and _ dropped. */
function anchor(contract: EventContract): string {
  return `${contract.type} v${contract.version}`.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

function describeType(property: JsonSchema): string {
  if (property.enum) return property.enum.map((v: unknown) => `\`${String(v)}\``).join(' \\| ');
  if (property.anyOf) return property.anyOf.map(describeType).join(' or ');
  if (property.oneOf) return property.oneOf.map(describeType).join(' or ');
  if (property.const !== undefined) return `\`${String(property.const)}\``;
  if (Array.isArray(property.type)) return property.type.map((type: string) => describeType({ ...property, type })).join(' or ');
  if (property.type === 'array') return `array of ${describeType(property.items ?? {})}`;
  if (property.type === 'object' && property.properties) {
    const required = new Set<string>(property.required ?? []);
    const fields = Object.entries<JsonSchema>(property.properties).map(([name, p]) => `\`${name}\`${required.has(name) ? '' : '?'}: ${describeType(p)}`);
    return `object { ${fields.join(', ')} }`;
  }
  if (property.format) return `${property.type} (${property.format})`;
  return String(property.type ?? 'any');
}
