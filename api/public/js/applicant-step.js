import { api } from './api.js';
import { fillBirthDate, readBirthDate } from './birth-date.js';
import { fa, faDateTime } from './digits.js';
import { $, whileBusy } from './dom.js';
import { buildApplicantFields, FIELD_NAMES, NUMERIC_FIELDS } from './fields.js';
import { clearFieldErrors, showError, showFieldErrors } from './notices.js';

const form = () => $('#applicant-form');
// Edits not yet saved: the letter template and the submit save them first, so nothing typed is lost.
let dirty = false;

export const applicantDirty = () => dirty;

function read() {
  const data = Object.fromEntries(
    FIELD_NAMES.filter((n) => n !== 'birthDate').map((n) => [n, $(`#${n}`, form()).value.trim()]),
  );
  return { ...data, birthDate: readBirthDate(form()) };
}

function fill(data) {
  // Numbers come back in ASCII digits; they are shown in Persian ones, which the server accepts as they are.
  for (const name of FIELD_NAMES) {
    if (name !== 'birthDate')
      $(`#${name}`, form()).value = NUMERIC_FIELDS.has(name) ? fa(data[name] ?? '') : (data[name] ?? '');
  }
  fillBirthDate(form(), data.birthDate);
}

/** Card step 3: saves the details; every wrong field is marked at once. Returns whether they were saved. */
export async function saveApplicant(ctx, { quiet = false } = {}) {
  clearFieldErrors(form());
  $('#applicant-status').textContent = '';
  return whileBusy($('button[type=submit]', form()), async () => {
    try {
      const view = await api.saveApplicant(read());
      dirty = false;
      ctx.render(view);
      if (!quiet) $('#applicant-status').textContent = 'اطلاعات ذخیره شد.';
      return true;
    } catch (e) {
      showError(e);
      showFieldErrors(form(), e.error.fields);
      return false;
    }
  });
}

export function initApplicant(ctx) {
  buildApplicantFields($('#applicant-fields'));
  const changed = () => {
    dirty = true;
    $('#applicant-status').textContent = '';
  };
  form().addEventListener('input', changed);
  form().addEventListener('change', changed);
  form().addEventListener('submit', (event) => {
    event.preventDefault();
    saveApplicant(ctx);
  });
}

export function showApplicant(view) {
  if (!dirty && view.data) fill(view.data);
  $('#applicant-expires').textContent = view.expiresAt
    ? `این درخواست را تا ${faDateTime(view.expiresAt)} تکمیل کنید.`
    : '';
}
