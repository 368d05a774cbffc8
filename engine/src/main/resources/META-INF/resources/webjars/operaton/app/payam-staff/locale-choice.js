/*
 * The language the staff apps choose, with no side effect: staff-locale.js, the Cockpit plugin and the apps'
 * config.js (read before the app starts, and by the locale test in Node, where there is no navigator) use it.
 */

const AVAILABLE = ['fa', 'en'];
const FALLBACK = 'fa';

/** The apps' own choice (Operaton's determinePreferredLanguage): the first browser language, by its primary tag. */
export function chosenLocale(nav = globalThis.navigator) {
  const first = (Array.isArray(nav?.languages) && nav.languages[0]) || nav?.language || '';
  const tag = first.split('-')[0].toLowerCase();
  return AVAILABLE.includes(tag) ? tag : FALLBACK;
}
