export * from './lib/file-storage';
export * from './lib/local-disk.storage';
export * from './lib/s3.storage';
export * from './lib/storage.module';
