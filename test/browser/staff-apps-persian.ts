import type { Page } from 'playwright-core';

/** Product names, and the ids the apps show as they are, which stay in Latin letters in any language. */
const ALLOWED = new Set(['Operaton', 'Tasklist', 'Cockpit', 'Admin', 'Welcome', 'BPMN', 'DMN', 'CMMN', 'Camunda']);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The footer names the time zone by its IANA id (Asia/Tehran). */
const TIME_ZONE_ID = /\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/g;

/**
 * The English words a person sees on the page, less product names, ids and what is data rather than the
 * app's labels: the elements `data` selects (task and process names, our bilingual filter names and form,
 * variable values) and the `known` strings (a user's name, a process id). Text of hidden elements and of
 * the diagram (drawn from the model) is not read.
 */
export async function englishLeft(page: Page, data: string[], known: string[] = []) {
  const text = await page.evaluate(
    ({ data }) => {
      const skip = (el: Element | null) =>
        !!el?.closest([...data, 'svg', 'script', 'style', 'noscript', '[aria-hidden="true"]'].join(','));
      const seen: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || skip(el) || !node.textContent?.trim()) continue;
        if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        seen.push(node.textContent);
      }
      // What a person reads in empty fields and on buttons without text.
      for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
        if (!skip(el) && el.getClientRects().length) seen.push(el.getAttribute('placeholder') ?? '');
      }
      return seen.join('\n');
    },
    { data },
  );
  let rest = text.replace(UUID, ' ').replace(TIME_ZONE_ID, ' ');
  for (const k of [...known].sort((a, b) => b.length - a.length)) rest = rest.split(k).join(' ');
  return [...new Set(rest.match(/[A-Za-z][A-Za-z'’-]+/g) ?? [])].filter((w) => !ALLOWED.has(w));
}

/** What marks the page as Persian: lang and dir on <html>, the body's direction and the Vazirmatn face in use. */
export const persianPage = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    return {
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      direction: getComputedStyle(document.body).direction,
      vazirmatn: [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Vazirmatn' && f.status === 'loaded'),
    };
  });

/** A screenshot for the README: the window a person sees at 1366×768, once fonts and transitions have settled. */
export async function snapForDocs(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(700); // the columns' slide (0.5 s) and the list's refresh
  await page.screenshot({ path: `docs/screenshots/${name}.png`, animations: 'disabled' });
}
