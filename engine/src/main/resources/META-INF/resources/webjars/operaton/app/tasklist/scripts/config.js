/*
 * Payam Iran's configuration of Operaton's Tasklist (replaces the shipped scripts/config.js whole).
 * Persian first: a browser asking for English gets English, any other language gets Persian.
 * payam-staff/staff-locale.js marks the page right to left and shows dates in the Jalali calendar when
 * the locale is Persian; styles/user-styles.css brings the font and the right-to-left layout.
 */
import { chosenLocale } from '../../payam-staff/locale-choice.js';

// The shortcuts' help dialog shows each description as written here, not through a label: in the page's language.
const persian = chosenLocale() === 'fa';
const shortcut = (key, fa, en) => ({ key, description: persian ? fa : en });

export default {
  locales: {
    availableLocales: ['fa', 'en'],
    fallbackLocale: 'fa',
  },
  customScripts: ['../payam-staff/staff-locale'],
  requireJsConfig: {
    // The AngularJS module staff-locale.js defines: it decorates the date filters (Jalali) in Persian.
    ngDeps: ['payam.staffLocale'],
  },
  // The shipped defaults, kept: the keyboard shortcuts, with the shipped English descriptions.
  shortcuts: {
    claimTask: shortcut('ctrl+alt+c', 'برداشتن کار انتخاب‌شده', 'claims the currently selected task'),
    focusFilter: shortcut('ctrl+shift+f', 'رفتن به نخستین فیلتر', 'set the focus to the first filter in the list'),
    focusList: shortcut('ctrl+alt+l', 'رفتن به نخستین کار فهرست', 'sets the focus to the first task in the list'),
    focusForm: shortcut(
      'ctrl+alt+f',
      'رفتن به نخستین فیلد فرم کار',
      'sets the focus to the first input field in a task form',
    ),
    startProcess: shortcut('ctrl+alt+p', 'باز کردن پنجرهٔ آغاز فرایند', 'opens the start process modal dialog'),
  },
};
