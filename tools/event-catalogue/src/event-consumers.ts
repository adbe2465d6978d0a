import { SUBGRAPHS } from '@carebridge/config';
import type { EventConsumption } from '@carebridge/event-contracts';
import { consumerGroup } from '@carebridge/messaging';
import { loadSubgraphDefinition, subgraphParts } from '@carebridge/local-platform';

/**
 * Who consumes what, read from the services themselves: each subgraph's event handlers, built
 * in-process without a database as composition builds them. The catalogue's receive operations
 * thus cannot drift from the code: a new handler makes the committed catalogue stale.
 */
export async function eventConsumption(): Promise<EventConsumption[]> {
  const consumption: EventConsumption[] = [];
  for (const placement of SUBGRAPHS) {
    const parts = await subgraphParts(await loadSubgraphDefinition(placement.name));
    const events = new Map<string, { type: string; version: number }>();
    for (const handler of parts.eventHandlers ?? []) events.set(`${handler.contract.type} ${handler.contract.version}`, { type: handler.contract.type, version: handler.contract.version });
    consumption.push({
      service: placement.name,
      group: consumerGroup(placement.name),
      events: [...events.values()].sort((a, b) => a.type.localeCompare(b.type) || a.version - b.version),
    });
  }
  return consumption;
}
