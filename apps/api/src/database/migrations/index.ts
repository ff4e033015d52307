import { Foundation1764230400000 } from './1764230400000-foundation.js';
import { Hardening1764316800000 } from './1764316800000-hardening.js';

/** Every migration, oldest first. A new one is added here as well as in its own file. */
export const MIGRATIONS = [Foundation1764230400000, Hardening1764316800000];
