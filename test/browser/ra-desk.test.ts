import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { x509 } from '../../adapters/certificates/pki.js';
import { newAgencyNationalId, newApplicant } from '../../ops/fixtures/applicants.js';
import { freePort } from '../../ops/chaos/private-services.js';
import { addStaff } from '../../ops/fixtures/staff.js';
import { DEFAULT_CA_DIR } from '../../simulators/ca/server.js';
import { caClient } from '../simulators/ca/ca-client.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { checkPage, layoutFacts, openBrowser, watchProblems } from './browser-session.js';
import { LOGIN_FORM, webappVisit } from './engine-webapps.js';
import { heading, persian } from './form-helpers.js';
import { persianPage, snapForDocs } from './staff-apps-persian.js';
import { signInStaff } from './staff-pages.js';

// Issue 23 as a new clerk would try it: a clerk made by `npm run staff -- add … --role ra-clerk` files a request on
// /ra/ with a CSR made by OpenSSL, approves it in Tasklist through the task's link, downloads the certificate once;
// the letter signed with the token's key passes the letter check; the clerk revokes it and the next check says
// revoked. The applicant's status page follows each step. Phone and desktop, axe at WCAG 2.2 AA on every step.

const run = promisify(execFile);
const apiPort = await freePort();
const publicBaseUrl = `http://127.0.0.1:${apiPort}`;
const ctx = useApiOnStack({ PUBLIC_BASE_URL: publicBaseUrl, JOB_RETRY_BACKOFF_MS: '300', ENGINE_LONG_POLL_MS: '2000' });
const session = {} as { browser: Awaited<ReturnType<typeof openBrowser>>; page: Page };
beforeAll(async () => {
  await ctx.app.listen({ host: '127.0.0.1', port: apiPort });
  session.browser = await openBrowser();
  session.page = session.browser.context.pages()[0] ?? (await session.browser.context.newPage());
});
afterAll(() => session.browser?.close());

/** The token's request as OpenSSL makes it: an ECDSA P-256 key and a CSR for the subject, UTF-8. */
async function opensslCsr(subject: { organization: string; agencyNationalId: string; role: string }) {
  const dir = await mkdtemp(path.join(tmpdir(), 'token-'));
  const [key, csr] = [path.join(dir, 'token.key'), path.join(dir, 'token.csr')];
  const s = `/C=IR/O=${subject.organization}/organizationIdentifier=NTRIR-${subject.agencyNationalId}/title=${subject.role}/CN=${subject.organization}`;
  await run('openssl', [
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    key,
    '-out',
    csr,
    '-utf8',
    '-subj',
    s,
  ]);
  return { csr: await readFile(csr), keyPem: await readFile(key, 'utf8') };
}

async function statusOnPage(page: Page, code: string) {
  await page.goto(`${publicBaseUrl}/status/`);
  await heading(page, 'پیگیری درخواست گواهی');
  await page.getByLabel('کد پیگیری').fill(persian(code));
  await page.getByRole('button', { name: 'نمایش وضعیت' }).click();
  await page.locator('#result:not([hidden])').waitFor();
  return (await page.locator('#result-title').textContent()) ?? '';
}

const until = (id: string, wanted: string) =>
  ctx.stack.eventually(
    () => ctx.stack.db('certificate_requests').where({ id }).first(),
    (r) => r?.status === wanted,
  );

async function letterOutcome(agencyNationalId: string, serialNumber: string, privateKeyPem: string) {
  const ca = caClient(ctx.stack.caUrl, DEFAULT_CA_DIR);
  const r = await ctx.applicant.begin({ applicant: { agencyNationalId } });
  const { pdf } = await ca.letter(serialNumber, 'embedded', { privateKeyPem });
  await ctx.stack.registrations.saveLetter(r.id, pdf, 'letter.pdf');
  await ctx.applicant.submit(r.id);
  return (
    await ctx.stack.eventually(
      () => ctx.stack.db('letter_signature_checks').where({ registration_id: r.id }).first(),
      (c) => Boolean(c),
    )
  ).outcome as string;
}

describe('the registration office in a browser', () => {
  it('file on /ra/ with an OpenSSL CSR, approve in Tasklist, download once, letter valid; revoke on /ra/, letter revoked; /status/ follows', async () => {
    await caClient(ctx.stack.caUrl, DEFAULT_CA_DIR).crlValidity(2);
    const page = session.page;
    // The 4xx the journey causes on purpose: the refused CSR, and the one download the clerk may not repeat.
    const problems = watchProblems(
      page,
      (status, url) => (status === 422 && url.endsWith('/api/ra/requests')) || status === 410,
    );
    const clerk = await addStaff(ctx.stack.db, 'ra-clerk');
    const person = newApplicant();
    const agency = {
      organization: `سازمان آزمون گواهی ${persian(String(randomInt(100, 999)))}`,
      agencyNationalId: newAgencyNationalId(),
      role: 'MANAGER',
    };
    const token = await opensslCsr(agency);
    const wrongRole = await opensslCsr({ ...agency, role: 'DEPUTY' });
    // A scan: a grey card with a darker band, as a scanner's PNG of an ID card would be (opaque, so it shows).
    const card = new PNG({ width: 172, height: 108 });
    for (let i = 0; i < card.data.length; i += 4) card.data.set([200, 205, 210, 255], i);
    for (let y = 20; y < 40; y++) for (let x = 10; x < 160; x++) card.data.set([90, 110, 130, 255], (y * 172 + x) * 4);
    const scan = PNG.sync.write(card);

    // Given a clerk on the registration office's page
    await page.goto(`${publicBaseUrl}/ra/`);
    await checkPage(page, 'ra-01-login');
    await signInStaff(page, clerk, 'ورود کارمندان دفتر ثبت‌نام');
    await heading(page, 'درخواست‌های گواهی در انتظار دفتر ثبت‌نام');
    expect(await layoutFacts(page)).toEqual({ dir: 'rtl', vazirmatnLoaded: true, overflows: false });

    // When they fill in the request with a CSR for another role, the form names the mismatch and keeps what was typed
    await page.getByRole('link', { name: 'ثبت درخواست گواهی تازه' }).click();
    await heading(page, 'ثبت درخواست گواهی');
    await page.getByLabel('نوع گواهی').selectOption('seal-government');
    await page.getByLabel('عنوان سمت در گواهی').fill(agency.role);
    await page.getByLabel('نام دستگاه اجرایی').fill(agency.organization);
    await page.getByLabel('شناسهٔ ملی دستگاه').fill(agency.agencyNationalId);
    await page.getByLabel('نام', { exact: true }).fill(person.firstName);
    await page.getByLabel('نام خانوادگی').fill(person.lastName);
    await page.getByLabel('کد ملی').fill(person.nationalCode);
    await page.getByLabel('تلفن همراه').fill(person.mobile);
    await page.getByLabel('کارت ملی').setInputFiles({ name: 'national-card.png', mimeType: 'image/png', buffer: scan });
    await page
      .getByLabel('فایل CSR (PKCS#10)')
      .setInputFiles({ name: 'token.csr', mimeType: 'application/pkcs10', buffer: wrongRole.csr });
    await page.getByRole('button', { name: 'ثبت درخواست' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#csr-error').textContent()).toContain('با اطلاعات واردشده یکی نیست');
    expect(await page.locator('#role-error').textContent()).toContain('با اطلاعات واردشده یکی نیست');
    await checkPage(page, 'ra-02-csr-mismatch');
    expect(
      await ctx.stack.db('certificate_requests').where({ agency_national_id: agency.agencyNationalId }).first(),
    ).toBeUndefined();

    // and with the token's own CSR, the request is filed and opens with its tracking code, the scan and the CSR's subject
    await page
      .getByLabel('فایل CSR (PKCS#10)')
      .setInputFiles({ name: 'token.csr', mimeType: 'application/pkcs10', buffer: token.csr });
    await page.getByRole('button', { name: 'ثبت درخواست' }).click();
    await page.locator('#request:not([hidden])').waitFor();
    const filed = await ctx.stack
      .db('certificate_requests')
      .where({ agency_national_id: agency.agencyNationalId })
      .first();
    expect(await page.getByRole('status').first().textContent()).toContain(persian(filed.tracking_code));
    expect(await page.locator('#csr-data').textContent()).toContain('title=MANAGER');
    expect(await page.locator('#applicant-data').textContent()).toContain(person.nationalCode);
    await page.getByRole('button', { name: 'کارت ملی' }).click();
    await page.getByRole('img', { name: 'تصویر اسکن‌شدهٔ کارت ملی' }).waitFor();
    await checkPage(page, 'ra-03-request');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await snapForDocs(page, 'ra-request-fa');
    await page.setViewportSize({ width: 360, height: 780 });

    // Then the applicant's status page says it is being checked, and shows nothing personal
    const status = await session.browser.context.newPage();
    expect(await statusOnPage(status, filed.tracking_code)).toContain('در حال بررسی');
    expect(await status.locator('main').textContent()).not.toContain(person.lastName);
    await checkPage(status, 'ra-04-status-checking');

    // When the clerk opens Tasklist: the RA task's form links to the request on /ra/, and they approve it there
    const tasklist = await session.browser.context.newPage();
    await tasklist.setViewportSize({ width: 1366, height: 768 });
    const visit = webappVisit(tasklist, ctx.stack.config.ENGINE_URL);
    await visit.open('tasklist');
    await visit.logIn(clerk, LOGIN_FORM.fa);
    await tasklist.getByRole('link', { name: 'درخواست‌های گواهی در انتظار دفتر ثبت‌نام' }).click();
    // The engine outlives the test database (KEEP_ENGINE), whose tracking codes start again: the agency tells the tasks apart.
    const item = tasklist
      .locator('.tasks-list li.task', { hasText: agency.organization })
      .filter({ hasText: filed.tracking_code });
    await item.waitFor();
    await item.locator('h4 a, h4').first().click();
    const link = tasklist.locator('.fjs-container a', { hasText: 'باز کردن همین درخواست در صفحهٔ دفتر ثبت‌نام' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`${publicBaseUrl}/ra/#${filed.id}`);
    expect(await persianPage(tasklist)).toMatchObject({ lang: 'fa', dir: 'rtl' });
    await snapForDocs(tasklist, 'tasklist-ra-task-fa');
    await tasklist.getByRole('button', { name: 'برداشتن', exact: true }).click();
    await tasklist.getByLabel('تأیید — Approve', { exact: true }).check();
    await tasklist.getByRole('button', { name: 'تکمیل', exact: true }).click();
    await tasklist.getByText('کاری را از فهرست برگزینید.').waitFor();
    expect(visit.problems.join('\n')).toBe('');
    await tasklist.close();
    const issued = await until(filed.id, 'issued');
    expect(await statusOnPage(status, filed.tracking_code)).toContain('گواهی صادر شد');

    // and download the certificate and its chain, once, for the token: it certifies the token's key
    await page.reload();
    await page.locator('#after-issue:not([hidden])').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'دریافت گواهی و زنجیره برای بارگذاری روی توکن' }).click(),
    ]);
    const saved = path.join(await mkdtemp(path.join(tmpdir(), 'download-')), download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe(`certificate-${filed.tracking_code}.pem`);
    const pem = await readFile(saved, 'utf8');
    const cert = new x509.X509Certificate(pem.split(/(?<=-----END CERTIFICATE-----)/)[0]!);
    const csr = new x509.Pkcs10CertificateRequest(token.csr.toString('latin1'));
    expect(Buffer.from(cert.publicKey.rawData).equals(Buffer.from(csr.publicKey.rawData))).toBe(true);
    await page.getByText('گواهی یک بار داده شد').waitFor();
    await checkPage(page, 'ra-05-issued');

    // Then a letter signed with the token's key passes the applicant's letter check
    expect(await letterOutcome(agency.agencyNationalId, issued.issued_serial, token.keyPem)).toBe('valid');

    // When the clerk asks for its revocation (key compromise) and approves that request on /ra/
    await page.getByLabel('علت ابطال').selectOption('keyCompromise');
    await page.getByRole('button', { name: 'ثبت درخواست ابطال' }).click();
    await heading(page, 'درخواست‌های گواهی در انتظار دفتر ثبت‌نام');
    const revocation = await ctx.stack
      .db('certificate_requests')
      .where({ action: 'revoke', target_serial: issued.issued_serial })
      .first();
    await page.getByRole('link', { name: new RegExp(persian(revocation.tracking_code)) }).click();
    await heading(page, `درخواست ابطال گواهی · کد پیگیری ${persian(revocation.tracking_code)}`);
    await checkPage(page, 'ra-06-revocation');
    await page.getByLabel('تأیید و ارسال به مرکز صدور گواهی').check();
    await page.getByRole('button', { name: 'ثبت تصمیم' }).click();
    await heading(page, 'درخواست‌های گواهی در انتظار دفتر ثبت‌نام');
    await until(revocation.id, 'revoked');

    // Then the status page says revoked, and once the CA's next CRL is out the letter check says revoked
    expect(await statusOnPage(status, filed.tracking_code)).toContain('گواهی باطل شد');
    await checkPage(status, 'ra-07-status-revoked');
    await status.setViewportSize({ width: 1366, height: 768 });
    await snapForDocs(status, 'ra-status-fa');
    ctx.stack.clock.advance(2100);
    expect(await letterOutcome(agency.agencyNationalId, issued.issued_serial, token.keyPem)).toBe('revoked');
    expect(problems.join('\n')).toBe('');
  }, 240_000);
});
