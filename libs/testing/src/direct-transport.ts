import type { EventTransport, TransportMessage } from '@carebridge/messaging';

/**
 * A transport for integration tests of event handlers: the test hands messages straight to
 * `EventConsumer.deliver`, and whatever the consumer publishes (dead letters) is kept here.
 */
export class DirectTransport implements EventTransport {
  readonly kind = 'embedded' as const;
  readonly published: TransportMessage[] = [];

  async ensureTopics(): Promise<void> {
    return undefined;
  }

  async publish(messages: TransportMessage[]): Promise<void> {
    this.published.push(...messages);
  }

  async subscribe() {
    return { stop: async () => undefined };
  }

  stoppedGroups(): string[] {
    return [];
  }

  async close(): Promise<void> {
    return undefined;
  }
}
