export * from './database-file-storage';
export * from './file-intake';
export * from './file-storage';
export * from './file-storage.settings';
export * from './s3-file-storage';
export * from './virus-scan';
