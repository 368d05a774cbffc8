import { fa } from '../js/digits.js';
import { $, h, whileBusy } from '../js/dom.js';
import { request } from '../js/http.js';
import { clearFieldErrors, clearNotices, showError, showFieldErrors } from '../js/notices.js';

const ACTIONS = { issue: 'صدور گواهی', renew: 'تمدید گواهی', revoke: 'ابطال گواهی' };
const STEPS = [
  ['received', 'دریافت در دفتر ثبت‌نام'],
  ['checking', 'بررسی مدارک و درخواست'],
  ['done', 'نتیجه'],
];
const FORMAT = { fa: 'کد پیگیری باید هشت رقم باشد.' };
const NOT_FOUND = { fa: 'درخواستی با این کد پیگیری پیدا نشد. کد را با رسید دفتر ثبت‌نام مقایسه کنید.' };

// Persian and Arabic-Indic digits as typed on a Persian keyboard, read as the code's ASCII digits.
const latin = (s) =>
  s
    .trim()
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));

function show(s) {
  const reached = s.status === 'received' ? 0 : s.status === 'checking' ? 1 : 2;
  $('#result-title').textContent = `${ACTIONS[s.action]} · کد پیگیری ${fa(s.trackingCode)}: ${s.text.fa}`;
  $('#steps').replaceChildren(
    ...STEPS.map(([, label], i) =>
      h(
        'li',
        { ...(i === reached ? { 'aria-current': 'step' } : {}), class: i <= reached ? 'done' : '' },
        i === 2 && reached === 2 ? `${label}: ${s.text.fa}` : label,
      ),
    ),
  );
  $('#result-reason').textContent = s.rejectionReason ? `علت: ${s.rejectionReason.text.fa}` : '';
  $('#result').hidden = false;
  $('#result').focus();
}

$('#status-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  clearFieldErrors(form);
  clearNotices();
  $('#result').hidden = true;
  const code = latin($('#trackingCode').value);
  if (!/^\d{8}$/.test(code)) {
    showFieldErrors(form, [{ field: 'trackingCode', text: FORMAT }]);
    return;
  }
  whileBusy($('#status-button'), async () => {
    try {
      show(await request('GET', `/api/certificate-requests/${code}/status`));
    } catch (e) {
      if (e.status === 404) showFieldErrors(form, [{ field: 'trackingCode', text: NOT_FOUND }]);
      else showError(e);
    }
  });
});
