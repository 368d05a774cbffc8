import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Product names, the time zone's id the footer names, and the systems the process card itself names in Latin
 * letters (PGSB, the government service bus): names, not labels, in any language.
 */
const ALLOWED = new Set([
  'Operaton',
  'Tasklist',
  'Cockpit',
  'Admin',
  'Welcome',
  'BPMN',
  'DMN',
  'CMMN',
  'Camunda',
  'PGSB',
]);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The footer names the time zone by its IANA id (Asia/Tehran). */
const TIME_ZONE_ID = /\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/g;

/**
 * The English words of one of our Camunda Forms (bpmn/*.form): the forms are bilingual, Persian then English,
 * so the English half is ours and expected. form-js's own words ("Select", "Field is required.") are not in it.
 */
export function formWords(file: string) {
  const words = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === 'string') for (const w of v.match(/[A-Za-z][A-Za-z'’-]+/g) ?? []) words.add(w);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) if (['text', 'label', 'values', 'components'].includes(k)) collect(x);
  };
  collect((JSON.parse(readFileSync(file, 'utf8')) as { components: unknown }).components);
  return words;
}

/**
 * The English words a person sees on the page, diagrams included, less product names, ids and what is data rather
 * than the app's labels: the elements `data` selects (variables' names and values as the engine keeps them), the
 * `known` strings (a user's name, a process key) and the `words` of our own bilingual text (a form's English half).
 * Text of hidden elements is not read.
 */
export async function englishLeft(page: Page, data: string[], known: string[] = [], words: Set<string> = new Set()) {
  const text = await page.evaluate(
    ({ data }) => {
      const skip = (el: Element | null) =>
        !!el?.closest([...data, 'script', 'style', 'noscript', '[aria-hidden="true"]'].filter(Boolean).join(','));
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
  return [...new Set(rest.match(/[A-Za-z][A-Za-z'’-]+/g) ?? [])].filter((w) => !ALLOWED.has(w) && !words.has(w));
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
