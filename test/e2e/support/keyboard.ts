import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` has focus, as a keyboard-only user would; fails if it is never reached. */
export async function tabUntilFocused(page: Page, target: Locator, maxPresses = 30): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`Not reachable with ${maxPresses} presses of Tab: ${target.toString()}`);
}

/** The focused element has a visible focus ring (an outline at least 2px wide). */
export async function expectVisibleFocusRing(target: Locator): Promise<void> {
  const ring = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring.style, 'focused control should draw an outline').not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
}
