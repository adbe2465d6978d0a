import type { EventContract } from './contract';
import * as complaint from './complaint.events';
import * as crm from './crm.events';
import * as inquiry from './inquiry.events';

const contracts = (module: Record<string, unknown>): EventContract[] =>
  Object.values(module).filter((value): value is EventContract => typeof value === 'object' && value !== null && 'topic' in value && 'schema' in value);

/** Every event type Carebridge publishes: the source of docs/events.md and docs/asyncapi.yaml. */
export const EVENT_CATALOGUE: readonly EventContract[] = [...contracts(crm), ...contracts(complaint), ...contracts(inquiry)];

export function findContract(type: string, version: number): EventContract | undefined {
  return EVENT_CATALOGUE.find((c) => c.type === type && c.version === version);
}
