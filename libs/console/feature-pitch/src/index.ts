export { PITCH_ROUTES, STAGE_BOARD_ROUTES } from './lib/pitch.routes';
