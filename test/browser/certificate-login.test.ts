import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CA_DIR } from '../../simulators/ca/server.js';
import { caClient } from '../simulators/ca/ca-client.js';
import { insertAccount } from '../support/database.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { checkPage, useBrowserOnApi, watchProblems } from './browser-session.js';
import { accountAttempt } from './staff-pages.js';

const ctx = useApiOnStack();
const session = useBrowserOnApi(ctx);
const PASSWORD = 'a long passphrase for payam';
let files: { key: string; cert: string };
let serialNumber: string;
let account: Awaited<ReturnType<typeof insertAccount>>;

beforeAll(async () => {
  account = await insertAccount(ctx.stack.db, PASSWORD);
  const cert = await caClient(ctx.stack.caUrl, DEFAULT_CA_DIR).issue({
    agencyNationalId: account.agencyNationalId,
    organization: account.agencyName,
    commonName: account.agencyName,
  });
  serialNumber = cert.serialNumber;
  // The key and certificate files a user would pick, as `npm run ca:letter` writes them.
  const dir = await mkdtemp(path.join(tmpdir(), 'payam-cert-'));
  files = { key: path.join(dir, 'seal.key.pem'), cert: path.join(dir, 'seal.crt.pem') };
  await writeFile(files.key, cert.privateKeyPem);
  await writeFile(files.cert, `${cert.certificatePem}\n${cert.chainPem}`);
});

describe('the account page: bind the certificate, then log in with it', () => {
  it('signed in with the password, the user picks key and certificate files and binds; after logout the certificate alone logs in', async () => {
    const page = await session.browser.context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${session.baseUrl}/login`);
    await accountAttempt(page, session.baseUrl, account.username, PASSWORD);
    await page.getByRole('heading', { name: 'وارد شدید' }).waitFor();

    await page.locator('#cert-bind-key').setInputFiles(files.key);
    await page.locator('#cert-bind-cert').setInputFiles(files.cert);
    await page.getByRole('button', { name: 'ثبت گواهی' }).click();
    await expect.poll(() => page.locator('#cert-bind-status').textContent()).toBe('گواهی به حساب متصل شد.');
    expect(await page.locator('#cert-list').textContent()).toContain(serialNumber);
    await checkPage(page, '30-certificate-bound');

    await page.getByRole('button', { name: 'خروج' }).click();
    await page.locator('#cert-login-key').setInputFiles(files.key);
    await page.locator('#cert-login-cert').setInputFiles(files.cert);
    await page.getByRole('button', { name: 'ورود با گواهی' }).click();
    await page.getByRole('heading', { name: 'وارد شدید' }).waitFor();
    expect(await page.locator('#me').textContent()).toContain(account.username);
    expect(problems).toEqual([]);
    await page.close();
  });
});
