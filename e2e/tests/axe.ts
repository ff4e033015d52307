import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Waits until every finite animation on the page has finished. A toast that is fading in or out is
 * drawn half-transparent, and axe measures the blended colour: it once reported a 3.26:1 contrast for
 * a message whose settled colour passes, and failed a run at random. Endless animations (spinners)
 * are left alone; the callers wait for those to go by their own means.
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Runs axe-core over the page as it is now and fails on any serious or critical violation (the
 * goal of ux.md: WCAG 2.1 AA, keyboard use), listing each rule with the elements it found.
 *
 * Toasts are left out of the scan: they close on a timer, so one can begin to fade while axe is
 * measuring even after the page has settled. They are antd's own message styles, which the page
 * does not restyle.
 */
export async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).exclude('.ant-message').exclude('.ant-notification').analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n    ')}`);
  expect(serious, `axe at ${where}`).toEqual([]);
}
