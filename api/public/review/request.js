import { fa, faDateTime } from '../js/digits.js';
import { $, h } from '../js/dom.js';
import { staffApi } from '../js/staff-api.js';
import { showDecision } from './decision.js';
import { showLetter } from './letter-view.js';

const INQUIRY = { match: 'مطابقت دارد', no_match: 'مطابقت ندارد', deceased: 'فوت‌شده' };

/** Label–value rows; numbers and Latin text keep their own direction inside the Persian page. */
const facts = (rows) => rows.flatMap(([label, value, ltr]) => [h('dt', {}, label), h('dd', {}, ltr ? h('bdi', { dir: 'ltr' }, value ?? '—') : (value ?? '—'))]);

function inquiry(result) {
  if (!result) return h('span', { class: 'muted' }, 'انجام نشده');
  const ok = result.outcome === 'match';
  return h('span', { class: ok ? 'ok-text' : 'bad-text' }, `${ok ? '✓' : '✗'} ${INQUIRY[result.outcome] ?? result.outcome}`, result.at ? h('span', { class: 'hint when' }, faDateTime(result.at)) : '');
}

/** One request (card step 10): the data on one side, the letter on the other, the decision under the data. */
export async function showRequest(id, ctx) {
  const d = await staffApi.detail(id);
  const r = d.representative ?? {};
  $('#request-title').textContent = d.agency.name ?? 'درخواست ثبت‌نام';
  $('#request-due').textContent = d.review.open && d.review.dueAt ? `مهلت بررسی: ${faDateTime(d.review.dueAt)}` : '';
  $('#agency-data').replaceChildren(...facts([
    ['نام دستگاه', d.agency.name], ['شناسه ملی', fa(d.agency.nationalId ?? '—'), true], ['شناسه پیگیری', d.registrationId, true],
  ]));
  $('#rep-data').replaceChildren(...facts([
    ['نام و نام خانوادگی', `${r.firstName ?? ''} ${r.lastName ?? ''}`.trim() || null], ['نام پدر', r.fatherName], ['کد ملی', r.nationalCode && fa(r.nationalCode), true],
    ['شماره شناسنامه', r.birthCertificateNumber && fa(r.birthCertificateNumber), true], ['تاریخ تولد', r.birthDate && fa(r.birthDate), true],
    ['تلفن همراه', r.mobile && fa(r.mobile), true], ['پست الکترونیکی', r.email, true], ['سمت', r.position],
  ]));
  $('#inquiry-data').replaceChildren(h('dt', {}, 'ثبت احوال'), h('dd', {}, inquiry(d.inquiries.civilRegistry)), h('dt', {}, 'شاهکار (تلفن همراه)'), h('dd', {}, inquiry(d.inquiries.shahkar)));
  showDecision(d, ctx);
  // The letter arrives on its own; the data is readable meanwhile.
  showLetter(id, d.letter).catch((e) => $('#letter-view').replaceChildren(h('p', { class: 'field-error' }, e.error?.text.fa ?? 'نامه دریافت نشد.')));
}
