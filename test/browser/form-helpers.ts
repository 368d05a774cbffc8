import type { Page } from 'playwright-core';
import type { newApplicant } from '../../ops/fixtures/applicants.js';

export const persian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

export const heading = (page: Page, name: string) =>
  page.getByRole('heading', { name, exact: true }).waitFor({ timeout: 20_000 });

export const textOf = async (page: Page, selector: string) =>
  (await page.locator(selector).textContent())?.trim() ?? '';

/** Types step 3 as a person would, by the visible labels, numbers in Persian digits. */
export async function fillApplicantForm(
  page: Page,
  person: ReturnType<typeof newApplicant>,
  nationalCode = persian(person.nationalCode),
) {
  const typed: [string, string][] = [
    ['نام', person.firstName],
    ['نام خانوادگی', person.lastName],
    ['نام پدر', person.fatherName],
    ['کد ملی', nationalCode],
    ['شماره شناسنامه', persian(person.birthCertificateNumber)],
    ['تلفن همراه', persian(person.mobile)],
    ['پست الکترونیکی', person.email],
    ['سمت نماینده در دستگاه', person.representativePosition],
    ['نام دستگاه اجرایی', person.agencyName],
    ['شناسه ملی دستگاه', persian(person.agencyNationalId)],
  ];
  for (const [label, value] of typed) await page.getByLabel(label, { exact: true }).fill(value);
  const [year, month, day] = person.birthDate.split('/').map(Number);
  await page.getByLabel('سال', { exact: true }).selectOption(String(year));
  await page.getByLabel('ماه', { exact: true }).selectOption(String(month));
  await page.getByLabel('روز', { exact: true }).selectOption(String(day));
}

/** The captcha now on the page (a new one, if `previous` is given) and its answer, read through the test hook. */
export async function captchaAnswer(page: Page, baseUrl: string, previous?: string) {
  await page.waitForFunction((prev) => {
    const id = document.querySelector<HTMLImageElement>('#captcha-image')?.dataset.captchaId;
    return id && id !== prev;
  }, previous);
  const id = (await page.locator('#captcha-image').getAttribute('data-captcha-id'))!;
  const { answer } = (await (await fetch(`${baseUrl}/__test/captcha/${id}`)).json()) as { answer: string };
  return { id, answer };
}
