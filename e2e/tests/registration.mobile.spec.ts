import { test } from '@playwright/test';
import { registrationJourney } from './registration-journey';

test('the registration journey on a phone (390 px): unit, county review, graduate, return, resubmit, approval', async ({ page }) => {
  test.setTimeout(300_000);
  await registrationJourney(page, { phone: true });
});
