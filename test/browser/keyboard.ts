import type { Page } from 'playwright-core';

export interface FocusStop {
  id: string;
  tag: string;
  text: string;
  focusVisible: boolean;
}

/**
 * Where the focus is, and whether a sighted keyboard user can see it: an outline on the element, or,
 * for the file input drawn as its label, on the label that stands in for it.
 */
export const focusStop = (page: Page): Promise<FocusStop> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const shows = (e: Element | null) => {
      if (!e) return false;
      const cs = getComputedStyle(e);
      return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
    };
    const drawn = el.classList.contains('file-input') ? el.nextElementSibling : el;
    return {
      id: el.id,
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim().slice(0, 60),
      focusVisible: shows(drawn),
    };
  });

/**
 * Presses Tab (or Shift+Tab) until the element whose id (or, without one, whose text) is `target` has the focus; every stop on the way is
 * returned, so a test can check the order and that each one showed its focus.
 */
export async function tabTo(page: Page, target: string, { back = false, max = 60 } = {}): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const stop = await focusStop(page);
    stops.push(stop);
    if ((stop.id || stop.text) === target) return stops;
  }
  throw new Error(
    `${target} not reached with ${back ? 'Shift+Tab' : 'Tab'}; went through ${stops.map((s) => s.id || s.tag).join(' → ')}`,
  );
}

/** The stops where the focus could not be seen. */
export const unseen = (stops: FocusStop[]) =>
  stops.filter((s) => !s.focusVisible).map((s) => s.id || `${s.tag} "${s.text}"`);
