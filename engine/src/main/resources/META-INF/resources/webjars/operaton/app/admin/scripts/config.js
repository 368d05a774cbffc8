/*
 * Payam Iran's configuration of Operaton's Admin (replaces the shipped scripts/config.js whole).
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
};
