import { createHash } from 'node:crypto';
import type { RegistrationView } from '../registrations/registration-view.js';
import { html, SafeHtml } from './html.js';
import { letterStyles } from './letter-styles.js';
import { toPersianDigits as fa } from './persian-digits.js';

type Data = NonNullable<RegistrationView['data']>;

// Our own constant stylesheet: escaping would turn its quotes into entities, which CSS does not read.
const styles = new SafeHtml(letterStyles());

const blank = html`<span class="blank"></span>`;
const value = (v: string | undefined, digits = false) => (v ? html`<strong>${digits ? fa(v) : v}</strong>` : blank);
const ltr = (v: string | undefined) => (v ? html`<bdi dir="ltr">${v}</bdi>` : blank);

/**
 * Card step 3-1: the letter introducing the agency's representative, filled from what was saved, to
 * print on the agency's letterhead, sign and stamp. Every value is escaped by `html`.
 */
export function renderLetterTemplate(input: { registrationId: string; data: Data | null }): string {
  const d: Partial<Data> = input.data ?? {};
  const rows: [string, unknown][] = [
    ['نام و نام خانوادگی', value(d.firstName && `${d.firstName} ${d.lastName}`)],
    ['نام پدر', value(d.fatherName)],
    ['کد ملی', value(d.nationalCode, true)],
    ['شماره شناسنامه', value(d.birthCertificateNumber, true)],
    ['تاریخ تولد', value(d.birthDate, true)],
    ['سمت', value(d.representativePosition)],
    ['تلفن همراه', value(d.mobile, true)],
    ['پست الکترونیکی', ltr(d.email)],
    ['نام دستگاه اجرایی', value(d.agencyName)],
    ['شناسه ملی دستگاه', value(d.agencyNationalId, true)],
  ];
  return html`<!doctype html>
    <html lang="fa" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>نامه معرفی نماینده دستگاه اجرایی</title>
        <style>
          ${styles}
        </style>
      </head>
      <body>
        <main class="sheet">
          <aside class="screen-only">
            این پیش‌نویس را روی سربرگ دستگاه چاپ کنید (Ctrl+P)، به امضای مقام مجاز برسانید و مهر کنید؛ سپس فایل PDF یا
            تصویر آن را در فرم ثبت‌نام بارگذاری کنید.
          </aside>
          <div class="letterhead" aria-hidden="true"></div>
          <dl class="ref">
            <dt>شماره:</dt>
            <dd></dd>
            <dt>تاریخ:</dt>
            <dd></dd>
            <dt>پیوست:</dt>
            <dd>ندارد</dd>
          </dl>
          <p class="to">به: دفتر فناوری اطلاعات و ارتباطات سازمان فناوری اطلاعات ایران</p>
          <p class="subject">موضوع: معرفی نماینده دستگاه اجرایی برای ثبت‌نام در سامانه پیام ایران</p>
          <p>با سلام و احترام،</p>
          <p>
            بدین‌وسیله ${value(d.firstName && `${d.firstName} ${d.lastName}`)} به کد ملی ${value(d.nationalCode, true)}،
            با سمت ${value(d.representativePosition)}، به عنوان نماینده ${value(d.agencyName)} به شناسه ملی
            ${value(d.agencyNationalId, true)} برای ثبت‌نام این دستگاه در سامانه پیام ایران و پیگیری امور حساب کاربری آن
            معرفی می‌گردد. مشخصات نماینده به شرح زیر است:
          </p>
          <table>
            <tbody>
              ${rows.map(
                ([k, v]) =>
                  html`<tr>
                    <th scope="row">${k}</th>
                    <td>${v}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          <p>مسئولیت صحت اطلاعات فوق و اقدامات نماینده در سامانه بر عهده این دستگاه است.</p>
          <section class="sign">
            <div class="signer">
              <p>نام و نام خانوادگی مقام مجاز: ${blank}</p>
              <p>سمت: ${blank}</p>
              <p>امضا:</p>
              <div class="box" role="img" aria-label="محل امضا"></div>
            </div>
            <div class="stamp"><div class="box" aria-label="محل مهر دستگاه">محل مهر دستگاه</div></div>
          </section>
          <footer>شناسه درخواست: <bdi dir="ltr">${input.registrationId}</bdi></footer>
        </main>
      </body>
    </html>`.value;
}

/**
 * The CSP source of the template's one <style> element, as the browser hashes it (its whole text), so the
 * pages' policy allows this stylesheet — the form opens the template as a blob, under the form's policy —
 * and no other inline style. Every rendering carries the same constant stylesheet.
 */
export const LETTER_STYLE_SOURCE = (() => {
  const css = /<style>([\s\S]*?)<\/style>/.exec(renderLetterTemplate({ registrationId: '', data: null }))![1]!;
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
})();
