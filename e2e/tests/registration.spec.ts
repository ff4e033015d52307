import { test } from '@playwright/test';
import { registrationJourney } from './registration-journey';

test('a unit registers and is approved; a graduate registers with materials, is returned, resubmits and is approved (1366×768)', async ({ page }) => {
  test.setTimeout(300_000);
  await registrationJourney(page, { phone: false });
});
