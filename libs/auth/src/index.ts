export * from './roles';
export * from './identity-headers';
export * from './tokens';
export * from './signed-links';
export * from './customer-tokens';
export * from './trusted-documents';
