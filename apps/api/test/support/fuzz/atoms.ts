import fc from 'fast-check';
import { Known, type KnownKind } from './values.js';

/** Small arbitraries that both the valid-value and the bad-value generators draw on. */

export const known = (kind: KnownKind): fc.Arbitrary<Known> => fc.nat({ max: 1_000 }).map((index) => new Known(kind, index));

// C0 controls, DEL, C1, a lone surrogate, BOM, bidi override, zero-width: text a form has no use for.
const CONTROL_CHARACTERS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\ud800', '\ufeff', '\u202e', '\u200b', '\r', '\n', '\t'];

export const controlText = fc
  .tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...CONTROL_CHARACTERS), fc.string({ maxLength: 6 }))
  .map(([before, control, after]) => `${before}${control}${after}`);
