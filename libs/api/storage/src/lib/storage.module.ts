import { Logger, Module } from '@nestjs/common';
import { laurelConfig, type LaurelConfig } from '@laurel/api-core';
import { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';

export function createFileStorage(config: LaurelConfig['storage']): FileStorage {
  if (config.driver === 's3' && config.s3) {
    new Logger('Storage').log(
      `Uploaded files go to the S3 bucket ${config.s3.bucket}${config.s3.endpoint ? ` at ${config.s3.endpoint}` : ''}`,
    );
    return new S3Storage(config.s3);
  }
  return new LocalDiskStorage(config.filesDir);
}

/** Provides FileStorage with the driver the configuration names (local disk by default). */
@Module({
  providers: [
    { provide: FileStorage, inject: [laurelConfig.KEY], useFactory: (config: LaurelConfig) => createFileStorage(config.storage) },
  ],
  exports: [FileStorage],
})
export class StorageModule {}
