// The console's shared Angular config (root eslint.config.mjs).
export { angularProject as default } from '../../../eslint.config.mjs';
