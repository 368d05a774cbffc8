import { $, h } from './dom.js';
import { fa } from './digits.js';

const MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];

/** This year in the Persian calendar, from the browser's own calendar data. */
const thisJalaliYear = () =>
  Number(/\d{4}/.exec(new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric' }).format(new Date()))[0]);

const option = (value, text) => h('option', { value }, text);
const select = (part, label, options) =>
  h(
    'div',
    {},
    h('label', { for: `birthDate-${part}`, class: 'visually-hidden-label' }, label),
    h(
      'select',
      { id: `birthDate-${part}`, 'data-field': 'birthDate', 'aria-describedby': 'birthDate-hint birthDate-error' },
      option('', label),
      options,
    ),
  );

/**
 * Jalali birth date as three lists (year, month by name, day): nothing to mistype, and no doubt which
 * calendar is meant. Esfand always offers day 30; the server says when that year has no such day.
 */
export function buildBirthDate(def) {
  const newest = thisJalaliYear() - 18;
  const years = Array.from({ length: 83 }, (_, i) => newest - i).map((y) => option(String(y), fa(y)));
  const months = MONTHS.map((name, i) => option(String(i + 1), `${fa(i + 1)} - ${name}`));
  const days = Array.from({ length: 31 }, (_, i) => option(String(i + 1), fa(i + 1)));
  const wrap = h(
    'fieldset',
    { class: 'field birth-date', 'aria-describedby': 'birthDate-hint birthDate-error' },
    h('legend', { class: 'label' }, def.label),
    h(
      'div',
      { class: 'date-parts' },
      select('year', 'سال', years),
      select('month', 'ماه', months),
      select('day', 'روز', days),
    ),
    h('p', { class: 'hint', id: 'birthDate-hint' }, 'به تاریخ شمسی، مانند شناسنامه'),
    h('p', { class: 'field-error', id: 'birthDate-error' }),
  );
  $('#birthDate-month', wrap).addEventListener('change', () => limitDays(wrap));
  return wrap;
}

function limitDays(root) {
  const month = Number($('#birthDate-month', root).value);
  const last = month >= 1 && month <= 6 ? 31 : 30;
  for (const o of $('#birthDate-day', root).options) if (o.value) o.disabled = Number(o.value) > last;
  if (Number($('#birthDate-day', root).value) > last) $('#birthDate-day', root).value = '';
}

const pad = (n) => String(n).padStart(2, '0');

/** `1370/01/15`, or empty until all three are chosen (the server then says the date is required). */
export function readBirthDate(root) {
  const [y, m, d] = ['year', 'month', 'day'].map((p) => $(`#birthDate-${p}`, root).value);
  return y && m && d ? `${y}/${pad(m)}/${pad(d)}` : '';
}

export function fillBirthDate(root, text) {
  const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text ?? '');
  if (!match) return;
  $('#birthDate-year', root).value = String(Number(match[1]));
  $('#birthDate-month', root).value = String(Number(match[2]));
  limitDays(root);
  $('#birthDate-day', root).value = String(Number(match[3]));
}
