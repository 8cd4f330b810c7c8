export * from './lib/pitch.module';
