/*
 * A Cockpit plugin (an ES module listed in cockpit's config.js customScripts): on a process instance's
 * page, a tab that leads to the registration on the reviewers' page. The link is the instance's variable
 * reviewUrl, which step 9-3 sets from the API's PUBLIC_BASE_URL, so the address comes from configuration
 * and the plugin knows none; with the agency's name and the tracking code beside it.
 */

import { chosenLocale } from './locale-choice.js';

// The language as the apps choose it, not <html lang>: this module may run before staff-locale.js sets that.
const persian = chosenLocale() === 'fa';
const T = persian
  ? {
      tab: 'درخواست در پیام ایران',
      open: 'باز کردن درخواست در صفحهٔ بررسی',
      agency: 'دستگاه اجرایی',
      tracking: 'کد پیگیری',
      none: 'این درخواست هنوز به بررسی نرسیده است: پیوند صفحهٔ بررسی پس از تأیید کد یکبارمصرف (گام ۹-۳) اینجا می‌آید.',
      failed: 'متغیرهای این نمونه خوانده نشد.',
    }
  : {
      tab: 'Request in Payam Iran',
      open: 'Open the request on the review page',
      agency: 'Executive agency',
      tracking: 'Tracking code',
      none: 'This request has not reached the review yet: the link to the review page appears here once the one-time code is accepted (step 9-3).',
      failed: 'The variables of this instance could not be read.',
    };

const NAMES = ['reviewUrl', 'agencyName', 'trackingCode'];

async function caseVariables(engineApi, processInstanceId) {
  const url = `${engineApi}/process-instance/${encodeURIComponent(processInstanceId)}/variables?deserializeValues=false&variableNames=${NAMES.join(',')}`;
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${response.status}`);
  const variables = await response.json();
  return Object.fromEntries(NAMES.map((n) => [n, variables[n]?.value ?? null]));
}

function row(label, value) {
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  const bdi = document.createElement('bdi');
  bdi.textContent = value;
  dd.append(bdi);
  return [dt, dd];
}

export default {
  id: 'payam.reviewLink',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 20,
  properties: { label: T.tab },
  render: (node, { api, processInstanceId }) => {
    node.classList.add('payam-review-link');
    caseVariables(api.engineApi, processInstanceId)
      .then(({ reviewUrl, agencyName, trackingCode }) => {
        if (!reviewUrl || !/^https?:\/\//.test(reviewUrl)) {
          const p = document.createElement('p');
          p.textContent = T.none;
          node.replaceChildren(p);
          return;
        }
        const dl = document.createElement('dl');
        if (agencyName) dl.append(...row(T.agency, agencyName));
        if (trackingCode) dl.append(...row(T.tracking, trackingCode));
        const a = document.createElement('a');
        a.href = reviewUrl;
        a.target = '_blank';
        a.rel = 'noopener';
        a.className = 'btn btn-default';
        a.textContent = T.open;
        node.replaceChildren(dl, a);
      })
      .catch(() => {
        const p = document.createElement('p');
        p.textContent = T.failed;
        node.replaceChildren(p);
      });
  },
};
