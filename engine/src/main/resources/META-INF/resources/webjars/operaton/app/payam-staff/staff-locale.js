/*
 * The staff apps (Tasklist, Cockpit, Admin, Welcome) in Persian: listed in each app's config.js under
 * customScripts, so it runs as an ES module before the app renders.
 *
 * - It picks the locale as the apps do (the browser's first language, else the fallback), and only for
 *   Persian marks the page lang="fa" dir="rtl": staff.css keys every right-to-left rule and the font to it,
 *   so a browser asking for English keeps the shipped, left-to-right page.
 * - Dates people read are shown in the Solar Hijri (Jalali) calendar with Persian digits, through the
 *   browser's own Intl calendar ('fa-IR-u-ca-persian'): the apps' date filters are decorated from the
 *   AngularJS module below (config.js names it in requireJsConfig.ngDeps), so Operaton's code is untouched.
 *   Ids, business keys and variable values keep their Latin digits: people copy and search them.
 * - The words Operaton writes as English literals (operaton-literals.js) and form-js's own (form-js-words.js)
 *   are given their Persian, and the counts its code writes outside templates Persian digits (persian-counts.js).
 * - In every language, Tasklist sorts a filter's list as the filter says until the person picks a sorting
 *   (tasklist-sorting.js).
 */

import { chosenLocale } from './locale-choice.js';
import { persianDigits } from './digits.js';
import { persianFormWords } from './form-js-words.js';
import { persianLiterals } from './operaton-literals.js';
import { persianCounts } from './persian-counts.js';
import { filterSorting } from './tasklist-sorting.js';

export { chosenLocale, persianDigits };

const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
/** The apps' named date formats (config dateFormat: normal LLL, long LLLL, short LL, abbr lll, monthName, day). */
const FORMATS = {
  normal: { year: 'numeric', month: 'long', day: 'numeric', ...time },
  long: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', ...time },
  short: { year: 'numeric', month: 'long', day: 'numeric' },
  abbr: { year: 'numeric', month: 'short', day: 'numeric', ...time },
  monthName: { month: 'long' },
  day: { day: '2-digit' },
};
const formatters = {};
export function jalali(value, format = 'normal') {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const options = FORMATS[format] ?? FORMATS.normal;
  formatters[format] ??= new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', options);
  return formatters[format].format(date);
}

const persian = chosenLocale() === 'fa';
if (persian) {
  document.documentElement.lang = 'fa';
  document.documentElement.dir = 'rtl';
}

/**
 * What each date filter becomes in Persian. Decorating the $filter service, which templates and code
 * resolve every filter through, and not the filters one by one, leaves the modules' load order irrelevant.
 */
const PERSIAN_FILTERS = {
  // camDate: every absolute date the apps print (created, due, follow-up, started, ended…).
  camDate: (original) => (value, format) => (value ? jalali(value, format) : original(value, format)),
  amDateFormat: () => (value) => jalali(value, 'normal'),
  // angular-moment's relative and calendar forms: the words come from fa.json, the digits are made Persian.
  amTimeAgo:
    (original) =>
    (...args) =>
      persianDigits(original(...args)),
  amCalendar:
    (original) =>
    (...args) =>
      persianDigits(original(...args)),
  amDurationFormat:
    (original) =>
    (...args) =>
      persianDigits(original(...args)),
  // Counts people read (Cockpit's dashboard and statistics: instances, incidents, tasks); it gives nothing for 0,
  // which the templates then write themselves.
  abbreviateNumber:
    (original) =>
    (...args) => {
      const abbreviated = original(...args);
      return abbreviated === undefined || abbreviated === null ? abbreviated : persianDigits(abbreviated);
    },
};

const angular = window.angular;
if (angular) {
  const staff = angular.module('payam.staffLocale', []);
  filterSorting(staff);
  if (persian) {
    staff.config([
      '$provide',
      ($provide) =>
        $provide.decorator('$filter', [
          '$delegate',
          ($delegate) => {
            const wrapped = {};
            return (name) => {
              const original = $delegate(name);
              const wrap = PERSIAN_FILTERS[name];
              if (!wrap) return original;
              if (!wrapped[name]) {
                wrapped[name] = wrap(original);
                wrapped[name].$stateful = original.$stateful;
              }
              return wrapped[name];
            };
          },
        ]),
    ]);
    // Counts the templates print as they come (operaton-literals.js passes them through it).
    staff.filter(
      'persianDigits',
      () => (value) => (value === undefined || value === null ? value : persianDigits(value)),
    );
    persianLiterals(staff);
  }
}
if (persian) {
  persianFormWords(document.documentElement);
  persianCounts(document.documentElement);
}

/** No plugins of its own: the apps collect the default exports of custom scripts as plugins. */
export default [];
