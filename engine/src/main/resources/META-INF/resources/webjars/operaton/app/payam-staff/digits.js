/* Persian digits for a text's Latin ones: staff-locale.js, operaton-literals.js and persian-counts.js share it. */

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

export const persianDigits = (text) => String(text).replace(/[0-9]/g, (d) => PERSIAN_DIGITS[d]);
