/*
 * Payam Iran's configuration of Operaton's Tasklist (replaces the shipped scripts/config.js whole).
 * Persian first: a browser asking for English gets English, any other language gets Persian.
 * payam-staff/staff-locale.js marks the page right to left and shows dates in the Jalali calendar when
 * the locale is Persian; styles/user-styles.css brings the font and the right-to-left layout.
 */
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
  // The shipped defaults, kept: the keyboard shortcuts (their help dialog shows these descriptions as they are).
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'برداشتن کار انتخاب‌شده — claims the currently selected task' },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'رفتن به نخستین فیلتر — set the focus to the first filter in the list',
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'رفتن به نخستین کار فهرست — sets the focus to the first task in the list',
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'رفتن به نخستین فیلد فرم کار — sets the focus to the first input field in a task form',
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'باز کردن پنجرهٔ آغاز فرایند — opens the start process modal dialog',
    },
  },
};
