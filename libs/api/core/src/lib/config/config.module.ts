import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { laurelConfig } from './laurel.config';

/** Loads and validates the configuration once at boot; a bad variable stops the process. */
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, cache: true, load: [laurelConfig] })],
})
export class LaurelConfigModule {}
