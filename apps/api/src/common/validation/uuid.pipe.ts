import { ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { notFound } from '../errors/app-error.js';

/** A malformed id in a path is answered like an id that does not exist: 404, nothing to probe. */
export function uuidPipe(what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => notFound(what) });
}

/**
 * A version or sequence number in a path (1, 2, …): anything else (0, 01, 1e3, abc) is answered like
 * a number that does not exist. The handler's parameter stays a string: a number type would let the
 * global pipe convert "01" to 1 before this one sees it.
 */
export function positiveIntPipe(what: string): PipeTransform<string, string> {
  return {
    transform: (value: string) => {
      if (!/^[1-9]\d{0,8}$/.test(value)) throw notFound(what);
      return value;
    },
  };
}
