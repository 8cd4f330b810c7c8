import { UsersAndContests1764230400000 } from './1764230400000-UsersAndContests';

/** Every migration, oldest first. Bundled builds cannot glob a folder, so each is listed here. */
export const MIGRATIONS = [UsersAndContests1764230400000];
