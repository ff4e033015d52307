import { ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '../errors/app-error.js';

/** A malformed id in a path is answered like an id that does not exist: 404, nothing to probe. */
export function uuidPipe(what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => notFound(what) });
}
