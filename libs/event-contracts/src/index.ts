export * from './contract';
export * from './topics';
export * from './catalogue';
export * from './crm.events';
export * from './complaint.events';
export * from './inquiry.events';
export * from './asyncapi';
export * from './compatibility';
