import { $, h, whileBusy } from '../js/dom.js';
import { clearFieldErrors, showError, showFieldErrors } from '../js/notices.js';
import { staffApi } from '../js/staff-api.js';
import { staffError } from '../js/staff-login.js';

const CHOOSE = { fa: 'لطفاً یکی از دو گزینه «تأیید» یا «رد» را انتخاب کنید.' };
const REASON = { fa: 'برای رد درخواست، لطفاً علت رد را از فهرست انتخاب کنید.' };
const TEXT = { fa: 'برای رد درخواست به علت «سایر موارد»، لطفاً علت را بنویسید؛ همین متن به نماینده گفته می‌شود.' };
// The API's bound (domain/review-decision.ts REJECTION_TEXT_MAX): a few SMS parts in Persian.
const TEXT_MAX = 300;
const DONE = {
  approve: 'درخواست تأیید شد. حساب دستگاه ساخته می‌شود و نام کاربری با پیامک و ایمیل برای نماینده فرستاده می‌شود.',
  reject: 'درخواست رد شد. علت رد با پیامک و ایمیل به نماینده اطلاع داده می‌شود.',
};
const CLOSED = {
  registered: 'این درخواست تأیید شده و حساب دستگاه ساخته شده است.',
  rejected: 'این درخواست رد شده است.',
};

const radio = (value, label) =>
  h(
    'label',
    { class: 'check' },
    h('input', { type: 'radio', name: 'decision', value, 'data-field': 'decision' }),
    ` ${label}`,
  );

function build(form, reasons) {
  form.replaceChildren(
    h('h2', { id: 'decision-title' }, 'تصمیم'),
    h(
      'fieldset',
      { 'aria-describedby': 'decision-error' },
      h('legend', {}, 'نتیجه بررسی'),
      radio('approve', 'تأیید درخواست و ساخت حساب دستگاه'),
      radio('reject', 'رد درخواست'),
      h('p', { class: 'field-error', id: 'decision-error' }),
    ),
    h(
      'div',
      { class: 'field', id: 'reason-field', hidden: true },
      h('label', { for: 'reason' }, 'علت رد'),
      h(
        'select',
        { id: 'reason', 'data-field': 'reason', 'aria-describedby': 'reason-hint reason-error' },
        h('option', { value: '' }, 'انتخاب کنید…'),
        ...reasons.map((r) => h('option', { value: r.id }, r.text.fa)),
      ),
      h('p', { class: 'hint', id: 'reason-hint' }, 'همین علت در پیامک و ایمیل به نماینده گفته می‌شود.'),
      h('p', { class: 'field-error', id: 'reason-error' }),
    ),
    h(
      'div',
      { class: 'field', id: 'reasonText-field', hidden: true },
      h('label', { for: 'reasonText' }, 'علت رد به نوشته شما'),
      h('textarea', {
        id: 'reasonText',
        'data-field': 'reasonText',
        rows: 3,
        maxlength: TEXT_MAX,
        'aria-describedby': 'reasonText-hint reasonText-error',
      }),
      h(
        'p',
        { class: 'hint', id: 'reasonText-hint' },
        `همین متن، بی‌هیچ تغییری، با پیامک و ایمیل به نماینده گفته می‌شود؛ حداکثر ${TEXT_MAX.toLocaleString('fa-IR')} نویسه.`,
      ),
      h('p', { class: 'field-error', id: 'reasonText-error' }),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'decision-button' }, 'ثبت تصمیم')),
  );
  form.addEventListener('change', () => {
    const rejecting = form.elements.decision.value === 'reject';
    $('#reason-field').hidden = !rejecting;
    $('#reasonText-field').hidden = !(rejecting && $('#reason').value === 'other');
  });
}

async function submit(form, id, ctx) {
  clearFieldErrors(form);
  const decision = form.elements.decision.value;
  const reason = decision === 'reject' ? $('#reason').value : undefined;
  const reasonText = reason === 'other' ? $('#reasonText').value.trim() : undefined;
  if (!decision) return showFieldErrors(form, [{ field: 'decision', text: CHOOSE }]);
  if (decision === 'reject' && !reason) return showFieldErrors(form, [{ field: 'reason', text: REASON }]);
  if (reason === 'other' && !reasonText) return showFieldErrors(form, [{ field: 'reasonText', text: TEXT }]);
  await whileBusy($('#decision-button'), async () => {
    try {
      await staffApi.decide(id, decision, reason, reasonText);
      ctx.decided(DONE[decision]);
    } catch (e) {
      if (e.status === 401 || e.status === 403) return staffError(e);
      showError(e);
      showFieldErrors(form, e.error.fields);
    }
  });
}

/** Approve, or reject with one of the listed reasons; a request already decided says so instead. */
export function showDecision(detail, ctx) {
  const old = $('#decision-form');
  const form = old.cloneNode(false); // a fresh form: no listener of the previous request remains
  old.replaceWith(form);
  form.hidden = !detail.review.open;
  $('#decided').hidden = detail.review.open;
  if (!detail.review.open) {
    const reason = detail.rejectionReasons.find((r) => r.id === detail.review.rejectionReason);
    const why = detail.review.rejectionText ?? reason?.text.fa;
    // As text, never markup: the reviewer's words are shown as they were written.
    $('#decided').textContent =
      `${CLOSED[detail.status] ?? 'این درخواست دیگر در انتظار بررسی نیست.'}${why ? ` علت: ${why}` : ''}`;
    return;
  }
  build(form, detail.rejectionReasons);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form, detail.registrationId, ctx);
  });
}
