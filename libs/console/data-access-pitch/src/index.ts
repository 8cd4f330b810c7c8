export { PitchApi } from './lib/pitch.api';
export { StageStore, type StageConnection, type StageSlot } from './lib/stage.store';
export { formatClock, phaseKey } from './lib/stage-format';
