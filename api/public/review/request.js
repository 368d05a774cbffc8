import { fa, faDateTime } from '../js/digits.js';
import { $, h } from '../js/dom.js';
import { staffApi } from '../js/staff-api.js';
import { showDecision } from './decision.js';
import { closeLetter, showLetter } from './letter-view.js';

const INQUIRY = { match: 'مطابقت دارد', no_match: 'مطابقت ندارد', deceased: 'فوت‌شده' };
const STEP = {
  'applicant-data': 'در حال تکمیل فرم',
  verifying: 'در حال استعلام',
  otp: 'در انتظار کد تأیید',
  'under-review': 'در دست بررسی',
  registered: 'ثبت شده',
  rejected: 'رد شده',
  expired: 'منقضی شده',
};

/** Label–value rows; numbers and Latin text keep their own direction inside the Persian page. */
const facts = (rows) =>
  rows.flatMap(([label, value, ltr]) => [
    h('dt', {}, label),
    h('dd', {}, ltr ? h('bdi', { dir: 'ltr' }, value ?? '—') : (value ?? '—')),
  ]);

function inquiry(result) {
  if (!result) return h('span', { class: 'muted' }, 'انجام نشده');
  const ok = result.outcome === 'match';
  return h(
    'span',
    { class: ok ? 'ok-text' : 'bad-text' },
    `${ok ? '✓' : '✗'} ${INQUIRY[result.outcome] ?? result.outcome}`,
    result.at ? h('span', { class: 'hint when' }, faDateTime(result.at)) : '',
  );
}

const SIGNATURE = {
  valid: 'معتبر — مهر سازمانی دولتی همین دستگاه',
  not_signed: 'امضا نشده (نامه اسکن‌شده؛ با چشم بررسی شود)',
  bad_signature: 'امضا نامعتبر یا نامه پس از امضا تغییر کرده',
  expired: 'گواهی در زمان امضا معتبر نبوده',
  untrusted_chain: 'صادرکننده مورد اعتماد نیست',
  revoked: 'گواهی باطل شده',
  key_usage: 'گواهی برای امضا نیست',
  wrong_kind: 'نوع گواهی مهر سازمانی دولتی نیست',
  other_organization: 'گواهی از دستگاه دیگری است',
};
const REVOCATION = { good: 'باطل نشده (طبق فهرست ابطال صادرکننده)', revoked: 'باطل شده', not_checked: 'بررسی نشده' };

/** Card step 3-2's check: who signed, for which organization and role, by whose certificate, valid when, revoked or not. */
function showSignature(s) {
  if (!s)
    return $('#signature-data').replaceChildren(h('dt', {}, 'وضعیت'), h('dd', { class: 'muted' }, 'هنوز بررسی نشده'));
  const ok = s.outcome === 'valid';
  const rows = [
    [
      'وضعیت',
      h(
        'span',
        { class: ok ? 'ok-text' : s.outcome === 'not_signed' ? 'muted' : 'bad-text' },
        `${ok ? '✓ ' : ''}${SIGNATURE[s.outcome] ?? s.outcome}`,
      ),
    ],
  ];
  if (s.outcome !== 'not_signed') {
    rows.push(
      ['امضاکننده', s.signer],
      ['سازمان', s.organization],
      ['شناسه ملی سازمان', s.agencyNationalId && fa(s.agencyNationalId), true],
      ['سمت', s.role, true],
      ['صادرکننده', s.issuer, true],
      ['اعتبار گواهی', s.notBefore ? `${faDateTime(s.notBefore)} تا ${faDateTime(s.notAfter)}` : null],
      ['زمان امضا', s.signingTime && faDateTime(s.signingTime)],
      ['وضعیت ابطال', REVOCATION[s.revocation] ?? s.revocation],
    );
  }
  $('#signature-data').replaceChildren(
    ...rows.flatMap(([label, value, ltr]) => [
      h('dt', {}, label),
      h('dd', {}, ltr && value ? h('bdi', { dir: 'ltr' }, value) : (value ?? '—')),
    ]),
  );
}

/** Competing requests for the same agency: ids, steps and times only; a verified one holds the agency. */
function showOthers(others) {
  $('#others').hidden = others.length === 0;
  $('#others-list').replaceChildren(
    ...others.map((o) =>
      h(
        'li',
        { 'data-registration': o.registrationId },
        h('bdi', { dir: 'ltr' }, o.registrationId),
        ` — ${STEP[o.status] ?? o.status}`,
        h('span', { class: 'hint when' }, ` آغاز: ${faDateTime(o.startedAt)}`),
        o.verifiedAt ? h('span', { class: 'hint when' }, ` احراز هویت: ${faDateTime(o.verifiedAt)}`) : '',
        o.closedAt ? h('span', { class: 'hint when' }, ` بسته شد: ${faDateTime(o.closedAt)}`) : '',
      ),
    ),
  );
}

/** One request (card step 10): the data on one side, the letter on the other, the decision under the data. */
export async function showRequest(id, ctx) {
  const d = await staffApi.detail(id);
  const r = d.representative ?? {};
  $('#request-title').textContent = d.agency.name ?? 'درخواست ثبت‌نام';
  $('#request-due').textContent = d.review.open && d.review.dueAt ? `مهلت بررسی: ${faDateTime(d.review.dueAt)}` : '';
  $('#agency-data').replaceChildren(
    ...facts([
      ['نام دستگاه', d.agency.name],
      ['شناسه ملی', fa(d.agency.nationalId ?? '—'), true],
      ['کد پیگیری', d.trackingCode, true],
      ['شناسه درخواست', d.registrationId, true],
    ]),
  );
  $('#rep-data').replaceChildren(
    ...facts([
      ['نام و نام خانوادگی', `${r.firstName ?? ''} ${r.lastName ?? ''}`.trim() || null],
      ['نام پدر', r.fatherName],
      ['کد ملی', r.nationalCode && fa(r.nationalCode), true],
      ['شماره شناسنامه', r.birthCertificateNumber && fa(r.birthCertificateNumber), true],
      ['تاریخ تولد', r.birthDate && fa(r.birthDate), true],
      ['تلفن همراه', r.mobile && fa(r.mobile), true],
      ['پست الکترونیکی', r.email, true],
      ['سمت', r.position],
    ]),
  );
  $('#inquiry-data').replaceChildren(
    h('dt', {}, 'ثبت احوال'),
    h('dd', {}, inquiry(d.inquiries.civilRegistry)),
    h('dt', {}, 'شاهکار (تلفن همراه)'),
    h('dd', {}, inquiry(d.inquiries.shahkar)),
  );
  showSignature(d.letterSignature);
  showOthers(d.otherRequests ?? []);
  showDecision(d, ctx);
  // A request whose data the retention policy removed has no letter to fetch: say so, not "no letter uploaded".
  if (d.review.dataRemovedAt) {
    closeLetter();
    $('#letter-info').textContent =
      `اطلاعات شخصی و نامه این درخواست طبق سیاست نگهداری داده‌ها در ${faDateTime(d.review.dataRemovedAt)} حذف شد.`;
    return;
  }
  // The letter arrives on its own; the data is readable meanwhile.
  showLetter(id, d.letter).catch((e) =>
    $('#letter-view').replaceChildren(h('p', { class: 'field-error' }, e.error?.text.fa ?? 'نامه دریافت نشد.')),
  );
}
