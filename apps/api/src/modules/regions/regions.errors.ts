import type { RegionErrorCode } from '@butie/contracts';
import { defineErrors } from '../../common/errors/error-table.js';

/** The refusals the regions module owns. */
export const REGION_ERRORS = defineErrors<RegionErrorCode>({
  REGION_CODE_TAKEN: { status: 409, title: 'Region code taken' },
  REGION_NAME_TAKEN: { status: 409, title: 'Region name taken' },
});
