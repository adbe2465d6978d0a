import { EVENT_CATALOGUE, type EventContract } from '@carebridge/event-contracts';
import { encodeEvent, type TransportMessage } from '@carebridge/messaging';
import { UsageError } from './cli';

export const PUBLISH_INBOUND_USAGE = `usage: npm run events:publish -- <events.json>
  Publishes events of an inbound stream (one that a system outside Carebridge produces, such as the
  reservation system's bookings) as that system would: to Kafka with KAFKA_BROKERS, otherwise to the
  embedded event log on DATABASE_URL (npm start: DATABASE_URL=postgres://postgres:carebridge@127.0.0.1:5433).
  The file is a JSON array of { "type": "booking.confirmed", "version": 1, "data": { … } } (version 1 if left out);
  example: tools/bookings/examples/booking-events.json.`;

export interface InboundEntry {
  type: string;
  version?: number;
  data: unknown;
}

/** The inbound contracts of the catalogue: what this command may publish. Carebridge's own events come only from the services' outboxes. */
export function inboundContracts(catalogue: readonly EventContract[] = EVENT_CATALOGUE): EventContract[] {
  return catalogue.filter((contract) => contract.inbound);
}

/**
 * The file's events as the producing system would send them: each checked against its contract
 * (nothing is sent while one is wrong), in the CloudEvents envelope with that system as source,
 * keyed as the contract says (a booking's events by its reference, so they stay in order).
 */
export function inboundMessages(entries: unknown, options: { file: string; now: Date; catalogue?: readonly EventContract[] }): TransportMessage[] {
  const { file, now } = options;
  if (!Array.isArray(entries)) throw new UsageError(`${file} must be a JSON array of { "type": …, "data": … }`);
  const contracts = inboundContracts(options.catalogue);
  const problems: string[] = [];
  const messages = entries.flatMap((entry: Partial<InboundEntry>, index) => {
    const at = `${file}[${index}]`;
    const contract = contracts.find((c) => c.type === entry?.type && c.version === (entry?.version ?? 1));
    if (!contract) {
      problems.push(`${at}.type: "${String(entry?.type)}" v${entry?.version ?? 1} is not an inbound event; inbound: ${contracts.map((c) => `${c.type} v${c.version}`).join(', ')}`);
      return [];
    }
    const checked = contract.schema.safeParse(entry.data);
    if (!checked.success) {
      problems.push(...checked.error.issues.map((issue) => `${at}.data${issue.path.map((p) => `.${String(p)}`).join('')}: ${issue.message}`));
      return [];
    }
    return [encodeEvent(contract, checked.data, { source: contract.producer, time: now })];
  });
  if (problems.length) throw Object.assign(new Error(`${file}: nothing was published:\n  ${problems.join('\n  ')}`), { name: 'ConfigurationError' });
  return messages;
}
