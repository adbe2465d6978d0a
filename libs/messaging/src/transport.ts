/** A message as both transports carry it: Kafka's record shape. */
export interface TransportMessage {
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
  /** Set on consumed messages. */
  partition?: number;
  offset?: string;
  timestamp?: string;
}

export interface SubscribeOptions {
  /** Consumer group; each group gets every message once, split by partition among its members. */
  groupId: string;
  topics: string[];
  /** Where a group with no committed offset starts: the oldest retained message, or new ones only. */
  fromBeginning: boolean;
  /** Resolves once the message's effect is committed; the offset is committed only then. */
  handle(message: TransportMessage): Promise<void>;
  /**
   * Several messages of one partition, in offset order, applied together; resolves once all their
   * effects are committed, and the offset after the last is committed once. A transport without
   * batches (Kafka here) calls `handle` for each.
   */
  handleBatch?(messages: TransportMessage[]): Promise<void>;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

export interface Subscription {
  stop(): Promise<void>;
}

/**
 * Where events travel: Kafka in production, Postgres when Kafka is not configured. Both keep
 * per-key order, consumer groups with committed offsets and replay from the beginning.
 */
export interface EventTransport {
  readonly kind: 'kafka' | 'embedded';
  ensureTopics(topics: string[]): Promise<void>;
  /** Resolves when every message is durably stored (Kafka: acknowledged by all in-sync replicas). */
  publish(messages: TransportMessage[]): Promise<void>;
  /**
   * Resolves once subscribed. On Kafka the member may still be joining its group (joiningGroups): a
   * group new to a topic with `fromBeginning: false` starts at the end as of its join, not of this call.
   */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Consumer groups whose consumption has stopped for good (a service with one is not ready). */
  stoppedGroups(): string[];
  /**
   * Consumer groups subscribed to that consume nothing yet: still joining, or rejoining after a
   * rebalance (Kafka). The service serves meanwhile; its consumer catches up once assigned.
   */
  joiningGroups?(): string[];
  /** Per partition of `topics`, how many messages lie after `groupId`'s committed offset (for /metrics). */
  consumerLag?(groupId: string, topics: string[]): Promise<PartitionLag[]>;
  close(): Promise<void>;
}
