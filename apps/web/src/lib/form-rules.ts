import { MOBILE_PHONE_MESSAGE, MOBILE_PHONE_PATTERN } from '@butie/contracts';

/** The same phone rule as the API's, so the form refuses what the server would. */
export const PHONE_RULE = { pattern: MOBILE_PHONE_PATTERN, message: MOBILE_PHONE_MESSAGE };
