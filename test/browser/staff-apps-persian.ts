import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Names, not labels, in any language: the engine's brand and its web apps' names (the header's title, the
 * welcome page's links: staff and the README call the apps by them), and the system the process card itself
 * names in Latin letters (PGSB, the government service bus); and the key CTRL, as the keyboard names it (the activity
 * tree's hint: CTRL and a click selects several).
 */
const ALLOWED = new Set(['Operaton', 'Tasklist', 'Cockpit', 'Admin', 'Welcome', 'PGSB', 'CTRL']);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The footer names the time zone by its IANA id (Asia/Tehran). */
const TIME_ZONE_ID = /\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/g;
/** The footer names the engine's release (v1.0.3): a version id, as the project's own pages write it. */
const ENGINE_VERSION = /\bv\d+\.\d+\.\d+\b/g;
/** A value the Persian labels quote («…»: what a copy button copies, the variable a dialog names) is data. */
const QUOTED = /«[^»\n]*»/g;

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
 * Not language, on any page: the bpmn.io logo bpmn-js draws on every diagram (its licence requires it shown
 * as it is, «Powered by bpmn.io»), and what is hidden from people.
 */
const NOT_TEXT = ['.bjs-powered-by', 'script', 'style', 'noscript', '[aria-hidden="true"]'];
/** The attributes whose values a person reads: tooltips (Bootstrap's, AngularJS-interpolated, and the browser's) and names of controls. */
const READ_ATTRIBUTES = ['title', 'uib-tooltip', 'aria-label', 'alt'];
/**
 * The card's step numbers, as the models' element names write them ("10–11 · …", "7 · …", a flow's "بازگشت به
 * گام 3"): the card's own numbering, not a count.
 */
const CARD_STEP = /(?<![\w.:-])\d+(?:[–-]\d+)? ·|گام \d+(?:[–-]\d+)?/g;

/**
 * What a person reads on the page, diagrams included: the visible text, the placeholders of empty fields and the
 * tooltips and names of visible elements, less what `data` selects (data, not the app's labels) and the `known`
 * strings (a user's name, a process key, a definition's id), ids (UUIDs) and the footer's time zone id.
 */
async function readableText(page: Page, data: string[], known: string[]) {
  const seen = await page.evaluate(
    ({ skipped, attributes }) => {
      const skip = (el: Element | null) => !!el?.closest(skipped.join(','));
      const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const where = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
      const seen: { text: string; where: string }[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || skip(el) || !node.textContent?.trim() || !shown(el)) continue;
        seen.push({ text: node.textContent, where: where(el) });
      }
      // What a person reads in empty fields, in tooltips and on buttons without text.
      for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
        if (!skip(el) && shown(el)) seen.push({ text: el.getAttribute('placeholder') ?? '', where: where(el) });
      }
      for (const el of document.querySelectorAll(attributes.map((a) => `[${a}]`).join(','))) {
        if (skip(el) || !shown(el)) continue;
        for (const a of attributes)
          if (el.hasAttribute(a)) seen.push({ text: el.getAttribute(a) ?? '', where: `${where(el)}[${a}]` });
      }
      return seen;
    },
    { skipped: [...data, ...NOT_TEXT], attributes: READ_ATTRIBUTES },
  );
  const byLength = [...known].filter(Boolean).sort((a, b) => b.length - a.length);
  return seen.map(({ text, where }) => {
    let rest = text;
    for (const k of byLength) rest = rest.split(k).join(' ');
    rest = rest.replace(UUID, ' ').replace(TIME_ZONE_ID, ' ').replace(ENGINE_VERSION, ' ').replace(QUOTED, ' ');
    return { text: rest, where };
  });
}

/**
 * The English words a person reads on the page (text, placeholders, tooltips), less product names and what
 * `readableText` leaves out, and the `words` of our own bilingual text (a form's English half).
 */
export async function englishLeft(page: Page, data: string[], known: string[] = [], words: Set<string> = new Set()) {
  const rest = (await readableText(page, data, known)).map((t) => t.text).join('\n');
  return [...new Set(rest.match(/[A-Za-z][A-Za-z'’-]+/g) ?? [])].filter((w) => !ALLOWED.has(w) && !words.has(w));
}

/**
 * The numbers a person reads on the page in Latin digits (counts, versions, badges, tooltips), each with the
 * element it is in, less what `readableText` leaves out (ids, data, the `known` strings) and the card's step
 * numbers in the models' names.
 */
export async function latinDigitsLeft(page: Page, data: string[], known: string[] = []) {
  const found = (await readableText(page, data, known)).flatMap(({ text, where }) =>
    (text.replace(CARD_STEP, ' ').match(/\S*[0-9]\S*/g) ?? []).map((n) => `${n} (${where})`),
  );
  return [...new Set(found)];
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
