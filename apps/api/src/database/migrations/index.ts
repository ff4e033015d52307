import { Foundation1764230400000 } from './1764230400000-foundation.js';

/** Every migration, oldest first. A new one is added here as well as in its own file. */
export const MIGRATIONS = [Foundation1764230400000];
