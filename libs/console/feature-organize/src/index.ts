export { ORGANIZE_CONTESTS_ROUTES, ORGANIZE_ENTRIES_ROUTES } from './lib/organize.routes';
