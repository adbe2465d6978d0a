import { join } from 'node:path';

// What messaging's own tests run on: both transports against a real log, a service database with
// only the messaging tables, and a consumer in a child process a test can kill.
export * from './kafka-test-broker';
export * from './test-database';
export * from './transports';
export * from './wait';
export type { ConsumerProcessConfig } from './consumer-process';

/** The consumer child process: `node tools/run.js <CONSUMER_PROCESS_ENTRY>`, settings in CONSUMER_PROCESS_CONFIG (JSON). */
export const CONSUMER_PROCESS_ENTRY = join(__dirname, 'consumer-process.ts');
