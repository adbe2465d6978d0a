export * from './roles';
export * from './identity-headers';
export * from './tokens';
