import { fa, faDateTime } from '../js/digits.js';
import { $, h, whileBusy } from '../js/dom.js';
import { clearFieldErrors, showError, showFieldErrors, showInfo } from '../js/notices.js';
import { staffError } from '../js/staff-login.js';
import { raApi } from './ra-api.js';
import { ACTIONS, DOCUMENTS, KINDS, REVOCATION, STATUS } from './labels.js';

let docUrl = null;

export function closeDocument() {
  if (docUrl) URL.revokeObjectURL(docUrl);
  docUrl = null;
  $('#doc-view').replaceChildren();
}

const facts = (el, rows) =>
  el.replaceChildren(...rows.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, h('bdi', {}, v))]));

async function openDocument(id, doc) {
  closeDocument();
  const blob = await raApi.document(id, doc.id);
  docUrl = URL.createObjectURL(blob);
  const label = DOCUMENTS[doc.kind] ?? doc.kind;
  const link = h('a', { href: docUrl, target: '_blank', rel: 'noopener' }, `باز کردن ${label} در پنجرهٔ جدید`);
  $('#doc-view').replaceChildren(
    blob.type === 'application/pdf'
      ? h('iframe', { src: `${docUrl}#navpanes=0`, title: `${label} (PDF)`, class: 'letter-frame' })
      : h('img', { src: docUrl, alt: `تصویر اسکن‌شدهٔ ${label}`, class: 'letter-image' }),
    h('p', {}, link),
  );
}

function decisionForm(id, reasons, ctx) {
  const form = $('#ra-decision-form');
  form.hidden = false;
  form.replaceChildren(
    h('h2', { id: 'ra-decision-title' }, 'تصمیم دفتر ثبت‌نام'),
    h(
      'fieldset',
      { 'aria-describedby': 'decision-error' },
      h('legend', {}, 'نتیجهٔ بررسی هویت و مدارک'),
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'radio', name: 'decision', value: 'approve', 'data-field': 'decision' }),
        ' تأیید و ارسال به مرکز صدور گواهی',
      ),
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'radio', name: 'decision', value: 'reject', 'data-field': 'decision' }),
        ' رد درخواست',
      ),
      h('p', { class: 'field-error', id: 'decision-error' }),
    ),
    h(
      'div',
      { class: 'field', id: 'reason-field', hidden: true },
      h('label', { for: 'reason' }, 'علت رد'),
      h(
        'select',
        { id: 'reason', 'data-field': 'reason', 'aria-describedby': 'reason-error' },
        h('option', { value: '' }, 'انتخاب کنید…'),
        ...reasons.map((r) => h('option', { value: r.id }, r.text.fa)),
      ),
      h('p', { class: 'field-error', id: 'reason-error' }),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'ra-decision-button' }, 'ثبت تصمیم')),
  );
  form.onchange = () => {
    $('#reason-field').hidden = form.elements.decision.value !== 'reject';
  };
  form.onsubmit = (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const decision = form.elements.decision.value;
    whileBusy($('#ra-decision-button'), async () => {
      try {
        await raApi.decide(id, decision, decision === 'reject' ? $('#reason').value : undefined);
        ctx.done(
          decision === 'approve'
            ? 'درخواست تأیید شد و با امضای دفتر به مرکز صدور گواهی فرستاده می‌شود.'
            : 'درخواست رد شد.',
        );
      } catch (e) {
        if (e.status === 422) showFieldErrors(form, e.error.fields);
        else staffError(e);
      }
    });
  };
}

function afterIssue(id, detail, ctx) {
  const box = $('#after-issue');
  box.hidden = false;
  const parts = [h('h2', { id: 'after-issue-title' }, 'گواهی صادرشده')];
  if (!detail.certificate.downloaded) {
    const button = h(
      'button',
      { type: 'button', id: 'download-button' },
      'دریافت گواهی و زنجیره برای بارگذاری روی توکن',
    );
    button.onclick = () =>
      whileBusy(button, async () => {
        try {
          const blob = await raApi.certificate(id);
          const url = URL.createObjectURL(blob);
          const a = h('a', { href: url, download: `certificate-${detail.trackingCode}.pem` }, 'ذخیرهٔ فایل گواهی');
          button.replaceWith(h('p', {}, 'گواهی یک بار داده شد و دوباره داده نمی‌شود: ', a));
          a.click();
        } catch (e) {
          staffError(e);
        }
      });
    parts.push(h('p', { class: 'hint' }, 'فایل گواهی فقط یک بار داده می‌شود.'), button);
  } else parts.push(h('p', {}, 'گواهی یک بار دریافت شده است.'));
  if (detail.status === 'issued') {
    const reason = h(
      'select',
      { id: 'revoke-reason', 'data-field': 'revoke-reason', 'aria-describedby': 'revoke-reason-error' },
      h('option', { value: '' }, 'انتخاب کنید…'),
      ...Object.entries(REVOCATION).map(([value, label]) => h('option', { value }, label)),
    );
    const revokeForm = h(
      'form',
      { id: 'revoke-form', novalidate: true },
      h('h3', {}, 'ابطال گواهی'),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'revoke-reason' }, 'علت ابطال'),
        reason,
        h('p', { class: 'field-error', id: 'revoke-reason-error' }),
      ),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'revoke-button' }, 'ثبت درخواست ابطال')),
    );
    revokeForm.onsubmit = (event) => {
      event.preventDefault();
      clearFieldErrors(revokeForm);
      whileBusy($('#revoke-button'), async () => {
        try {
          const filed = await raApi.revoke(id, reason.value);
          ctx.done(`درخواست ابطال با کد پیگیری ${fa(filed.trackingCode)} ثبت شد و باید بررسی و تأیید شود.`);
        } catch (e) {
          if (e.status === 422)
            showFieldErrors(
              revokeForm,
              e.error.fields.map((f) => ({ ...f, field: 'revoke-reason' })),
            );
          else staffError(e);
        }
      });
    };
    const renewForm = h(
      'form',
      { id: 'renew-form', novalidate: true },
      h('h3', {}, 'تمدید با درخواست تازهٔ توکن'),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'renew-csr' }, 'فایل CSR تازه'),
        h('input', {
          type: 'file',
          id: 'renew-csr',
          name: 'csr',
          'data-field': 'csr',
          accept: '.csr,.pem,.der,.req',
          'aria-describedby': 'csr-error',
        }),
        h('p', { class: 'field-error', id: 'csr-error' }),
      ),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'renew-button' }, 'ثبت درخواست تمدید')),
    );
    renewForm.onsubmit = (event) => {
      event.preventDefault();
      clearFieldErrors(renewForm);
      whileBusy($('#renew-button'), async () => {
        try {
          const filed = await raApi.renew(id, new FormData(renewForm));
          ctx.done(`درخواست تمدید با کد پیگیری ${fa(filed.trackingCode)} ثبت شد و باید بررسی و تأیید شود.`);
        } catch (e) {
          if (e.status === 422 || e.status === 413) showFieldErrors(renewForm, e.error.fields);
          else staffError(e);
        }
      });
    };
    parts.push(revokeForm, renewForm);
  }
  box.replaceChildren(...parts);
}

/** One request: what the clerk checks (identity, scans, the CSR's subject), then the decision or what follows issue. */
export async function showRequest(id, ctx) {
  closeDocument();
  const d = await raApi.detail(id);
  $('#request-title').textContent = `درخواست ${ACTIONS[d.action]} گواهی · کد پیگیری ${fa(d.trackingCode)}`;
  $('#request-status').textContent = `وضعیت: ${STATUS[d.status]} · ثبت: ${faDateTime(d.createdAt)}`;
  facts($('#cert-data'), [
    ['نوع گواهی', KINDS[d.kind] ?? d.kind],
    ['عنوان سمت', d.role],
    ['دستگاه اجرایی', d.organization],
    ['شناسهٔ ملی دستگاه', d.agencyNationalId],
    ['گواهی موضوع درخواست', d.targetTrackingCode ? `صادرشده با کد پیگیری ${fa(d.targetTrackingCode)}` : null],
    [
      'علت رد',
      d.rejectionReason
        ? (d.rejectionReasons.find((r) => r.id === d.rejectionReason)?.text.fa ?? d.rejectionReason)
        : null,
    ],
  ]);
  facts($('#applicant-data'), [
    ['نام', d.applicant.firstName],
    ['نام خانوادگی', d.applicant.lastName],
    ['کد ملی', d.applicant.nationalCode],
    ['تلفن همراه', d.applicant.mobile],
  ]);
  facts(
    $('#csr-data'),
    d.csr
      ? [
          ['مشخصات (Subject)', d.csr.subject],
          ['کلید', d.csr.key],
        ]
      : [['درخواست', 'این درخواست CSR ندارد']],
  );
  $('#docs-list').replaceChildren(
    ...(d.documentsPurged ? [h('li', {}, 'مدارک پس از پایان دورهٔ نگهداری حذف شده‌اند.')] : []),
    ...d.documents.map((doc) => {
      const b = h('button', { type: 'button', class: 'link' }, `${DOCUMENTS[doc.kind] ?? doc.kind}`);
      b.onclick = () => openDocument(id, doc).catch((e) => showError(e));
      return h('li', {}, b, ' ', h('bdi', { class: 'hint' }, doc.fileName ?? ''));
    }),
  );
  $('#ra-decision-form').hidden = true;
  $('#after-issue').hidden = true;
  if (d.open) decisionForm(id, d.rejectionReasons, ctx);
  else if (d.certificate && d.action !== 'revoke') afterIssue(id, d, ctx);
  else if (!d.open) showInfo(`این درخواست ${STATUS[d.status]} است.`);
}
