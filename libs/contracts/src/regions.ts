/** Refusals of the regions module. */
export const REGION_ERROR_CODES = ['REGION_CODE_TAKEN', 'REGION_NAME_TAKEN'] as const;
export type RegionErrorCode = (typeof REGION_ERROR_CODES)[number];
