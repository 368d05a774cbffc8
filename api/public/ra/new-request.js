import { fa } from '../js/digits.js';
import { $, h, whileBusy } from '../js/dom.js';
import { clearFieldErrors, showError, showFieldErrors } from '../js/notices.js';
import { staffError } from '../js/staff-login.js';
import { raApi } from './ra-api.js';
import { DOCUMENTS, KINDS } from './labels.js';

const FILE_TYPES = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

function field(id, label, input, hint) {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h('p', { class: 'field-error', id: `${id}-error` }),
  );
}
const described = (id, hint) => (hint ? `${id}-hint ${id}-error` : `${id}-error`);
const text = (id, label, attrs = {}, hint) =>
  field(
    id,
    label,
    h('input', { id, name: id, type: 'text', 'data-field': id, 'aria-describedby': described(id, hint), ...attrs }),
    hint,
  );
/** A file field as the applicant's form draws it: a Persian button for the browser's own (English) one, the chosen name beneath. */
function file(id, label, accept, hint) {
  const input = h('input', {
    id,
    name: id,
    type: 'file',
    accept,
    class: 'file-input',
    'data-field': id,
    'aria-labelledby': `${id}-label ${id}-button`,
    'aria-describedby': `${id}-chosen ${described(id, hint)}`,
  });
  const chosen = h('p', { class: 'hint', id: `${id}-chosen` });
  input.addEventListener('change', () => {
    chosen.textContent = input.files?.[0] ? `فایل انتخاب‌شده: ${input.files[0].name}` : '';
  });
  return h(
    'div',
    { class: 'field' },
    h('p', { class: 'label', id: `${id}-label` }, label),
    input,
    h('label', { for: id, class: 'file-button', id: `${id}-button` }, `انتخاب ${label}…`),
    chosen,
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h('p', { class: 'field-error', id: `${id}-error` }),
  );
}

/** The request form: the certificate, the applicant as the identity documents show them, the scans, the token's CSR. */
export function buildNewForm(onFiled) {
  const form = $('#new-form');
  form.replaceChildren(
    h(
      'fieldset',
      {},
      h('legend', {}, 'گواهی'),
      field(
        'kind',
        'نوع گواهی',
        h(
          'select',
          { id: 'kind', name: 'kind', 'data-field': 'kind', 'aria-describedby': 'kind-hint kind-error' },
          h('option', { value: '' }, 'انتخاب کنید…'),
          ...Object.entries(KINDS).map(([value, label]) => h('option', { value }, label)),
        ),
        'این دفتر دو نوع دولتی را صادر می‌کند: فرد وابسته به دستگاه دولتی و مهر سازمانی دولتی.',
      ),
      text(
        'role',
        'عنوان سمت در گواهی',
        { dir: 'ltr', autocomplete: 'off', spellcheck: 'false' },
        'با حروف بزرگ لاتین، همان‌گونه که در گواهی می‌آید؛ مانند MANAGER.',
      ),
      text('organization', 'نام دستگاه اجرایی', { autocomplete: 'organization' }),
      text(
        'agencyNationalId',
        'شناسهٔ ملی دستگاه',
        { dir: 'ltr', inputmode: 'numeric', autocomplete: 'off' },
        'یازده رقم',
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'متقاضی (مطابق کارت ملی)'),
      text('firstName', 'نام', { autocomplete: 'off' }),
      text('lastName', 'نام خانوادگی', { autocomplete: 'off' }),
      text('nationalCode', 'کد ملی', { dir: 'ltr', inputmode: 'numeric', autocomplete: 'off' }, 'ده رقم'),
      text('mobile', 'تلفن همراه', { dir: 'ltr', inputmode: 'tel', autocomplete: 'off' }, 'مانند ۰۹۱۲۳۴۵۶۷۸۹'),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'مدارک اسکن‌شده'),
      file('nationalCard', DOCUMENTS.nationalCard, FILE_TYPES, 'PDF یا تصویر JPEG یا PNG، حداکثر ۵ مگابایت؛ الزامی.'),
      file('birthCertificate', DOCUMENTS.birthCertificate, FILE_TYPES, 'اختیاری.'),
      file(
        'agencyLetter',
        DOCUMENTS.agencyLetter,
        FILE_TYPES,
        'نامهٔ دستگاه که متقاضی را برای این سمت معرفی می‌کند؛ اختیاری.',
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'درخواست گواهی توکن'),
      file(
        'csr',
        'فایل CSR (PKCS#10)',
        '.csr,.pem,.der,.req',
        'فایلی که نرم‌افزار توکن ساخته است (PEM یا DER). نام روی آن باید با اطلاعات بالا یکی باشد.',
      ),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'new-button' }, 'ثبت درخواست')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    whileBusy($('#new-button'), async () => {
      try {
        const filed = await raApi.file(new FormData(form));
        form.reset();
        for (const chosen of form.querySelectorAll('[id$="-chosen"]')) chosen.textContent = '';
        onFiled(
          filed,
          `درخواست ثبت شد. کد پیگیری متقاضی: ${fa(filed.trackingCode)} — وضعیت را در /status/ با همین کد می‌بیند.`,
        );
      } catch (e) {
        if (e.status === 422 || e.status === 413 || e.status === 400) {
          if (!showFieldErrors(form, e.error.fields)) showError(e);
        } else staffError(e);
      }
    });
  });
}
