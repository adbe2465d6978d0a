import 'reflect-metadata';

export * from './clock';
export * from './context';
export * from './database';
export * from './errors';
export * from './http';
export * from './jobs';
export * from './loading';
export * from './logger';
export * from './pagination';
export * from './personal-data';
export * from './schema';
export * from './subgraph';
