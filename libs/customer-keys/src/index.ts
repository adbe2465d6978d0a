export * from './event-field-encryption';
export * from './key-store';
export * from './postgres-key-store';
export * from './settings';
export * from './vault-transit-key-store';
