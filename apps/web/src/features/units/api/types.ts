// The shapes of libs/contracts/src/units.ts, and the list's filter as the page keeps it in its address.
export type { CreateUnitRegistrationRequest, UnitFieldsInput, UnitRegistrationListItem, UnitRegistrationView } from '@butie/contracts';

/** The queue's filters in the page's address; `from`/`to` go to the API as submittedFrom/submittedTo. */
export interface UnitRegistrationFilter {
  status?: string;
  keyword?: string;
  from?: string;
  to?: string;
}
