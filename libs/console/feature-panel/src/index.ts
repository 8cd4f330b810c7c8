export { PANEL_ROUTES } from './lib/panel.routes';
