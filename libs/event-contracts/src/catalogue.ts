import type { EventContract } from './contract';
import * as complaint from './complaint.events';
import * as crm from './crm.events';

/** Every event type Carebridge publishes: the source of docs/events.md and docs/asyncapi.yaml. */
export const EVENT_CATALOGUE: readonly EventContract[] = [...Object.values(crm), ...Object.values(complaint)];

export function findContract(type: string, version: number): EventContract | undefined {
  return EVENT_CATALOGUE.find((c) => c.type === type && c.version === version);
}
