import { z } from 'zod';
import { stringify } from 'yaml';
import { type EventContract, contractId, dataSchemaUri } from './contract';

type JsonSchema = Record<string, any>;

export function payloadSchema(contract: EventContract): JsonSchema {
  // The input view: consumers must accept fields they do not know, so no `additionalProperties: false`.
  const { $schema: _ignored, ...schema } = z.toJSONSchema(contract.schema, { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
  return schema;
}

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
    traceparent: { type: 'string', description: 'W3C trace context of the request that caused the event.' },
  },
};

/** The AsyncAPI 3 document for every topic and event type, as YAML. */
export function asyncApiDocument(contracts: readonly EventContract[]): string {
  const channels: JsonSchema = {};
  const operations: JsonSchema = {};
  const messages: JsonSchema = {};
  for (const contract of contracts) {
    const id = contractId(contract);
    const channelId = contract.topic.replace(/^carebridge\./, '').replace(/\./g, '-');
    channels[channelId] ??= { address: contract.topic, title: contract.topic, messages: {} };
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
      'x-carebridge-personal-data': contract.personalData,
      ...(contract.inbound ? { 'x-carebridge-inbound': true } : {}),
    };
    // An inbound stream is one Carebridge receives from a system outside it.
    const operationId = contract.inbound
      ? `carebridge-receives-${contract.type.replace(/\./g, '-')}-v${contract.version}`
      : `${contract.producer}-sends-${contract.type.replace(/\./g, '-')}-v${contract.version}`;
    operations[operationId] = {
      action: contract.inbound ? 'receive' : 'send',
      channel: { $ref: `#/channels/${channelId}` },
      messages: [{ $ref: `#/channels/${channelId}/messages/${id}` }],
    };
  }
  const document = {
    asyncapi: '3.0.0',
    info: {
      title: 'Carebridge events',
      version: '1.0.0',
      description:
        'Events the Carebridge services publish through their transactional outboxes, and the inbound streams they receive from systems outside Carebridge (operations with action receive, messages with x-carebridge-inbound). Generated from libs/event-contracts; do not edit by hand (npm run events:catalogue).',
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: { host: 'kafka:9092', protocol: 'kafka', description: 'Production Kafka (KAFKA_BROKERS). Locally the embedded transport keeps the same topics in Postgres.' },
    },
    channels,
    operations,
    components: { schemas: { CloudEventHeaders: CLOUD_EVENT_HEADERS }, messages },
  };
  return `# Generated from libs/event-contracts — run \`npm run events:catalogue\` after changing a contract.\n${stringify(document, { lineWidth: 0 })}`;
}

/** The human catalogue, docs/events.md. */
export function eventCatalogueMarkdown(contracts: readonly EventContract[]): string {
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
    '`content-type`, plus `traceparent`. The message key is the aggregate id (`ce_subject`), so events about',
    'one aggregate keep their order. `ce_id` is stable across redeliveries: consumers de-duplicate on it.',
    '',
    '**Versions.** A contract that changes incompatibly gets a new version (`ce_dataschema` ends in `:v<N>`);',
    '`npm test` refuses an incompatible change to a published version. Consumers ignore fields they do not know.',
    '',
    '## Topics',
    '',
    '| Topic | Events | Key |',
    '| --- | --- | --- |',
  ];
  const topics = [...new Set(contracts.map((c) => c.topic))];
  for (const topic of topics) {
    const onTopic = contracts.filter((c) => c.topic === topic);
    const inbound = onTopic.some((c) => c.inbound) ? ' (inbound)' : '';
    lines.push(`| \`${topic}\`${inbound} | ${onTopic.map((c) => `[\`${c.type}\` v${c.version}](#${anchor(c)})`).join(', ')} | aggregate id |`);
  }
  lines.push('', 'Dead letters of a consumer group go to `carebridge.dead-letter.<group>` with the original key and headers.', '');
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
      `- Data schema: \`${dataSchemaUri(contract)}\``,
      `- Personal data: ${contract.personalData}`,
      '',
      '| Field | Type | Required |',
      '| --- | --- | --- |',
    );
    const required = new Set<string>(schema.required ?? []);
    for (const [name, property] of Object.entries<JsonSchema>(schema.properties ?? {})) {
      lines.push(`| \`${name}\` | ${describeType(property)} | ${required.has(name) ? 'yes' : 'no'} |`);
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
