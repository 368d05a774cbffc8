import type { Page } from 'playwright-core';
import { STAFF_PASSWORD } from '../../ops/fixtures/staff.js';
import { ARTIFACTS, watchProblems } from './browser-session.js';

export type Webapp = 'cockpit' | 'tasklist' | 'admin' | 'welcome';

/** The login form's words, as the shipped English and as our Persian (fa.json) label them. */
export const LOGIN_FORM = {
  en: { username: 'Username', password: 'Password', logIn: 'Log in' },
  fa: { username: 'نام کاربری', password: 'گذرواژه', logIn: 'ورود' },
} as const;

/** The engine's web apps sit beside its REST API: http://host:port/engine-rest → http://host:port/operaton. */
export const webappsBase = (engineUrl: string) => engineUrl.replace(/\/engine-rest\/?$/, '/operaton');

/** A page of one web app on the engine named "default"; `route` is the part after `#`. */
export const webappUrl = (engineUrl: string, app: Webapp, route = '/') =>
  `${webappsBase(engineUrl)}/app/${app}/default/#${route}`;

/**
 * One person in the engine's web apps, with the page's problems watched. Until they have logged in, the
 * apps' own refusals are expected: "who is logged in?" answers 404, the login page probes /operaton-welcome
 * (404), and a page opened by its address asks for its data first (401; Cockpit then says to log in).
 * After login, any answer of 400 or more is a problem.
 */
export function webappVisit(page: Page, engineUrl: string) {
  let loggedIn = false;
  const beforeLogin = (status: number, url: string) => {
    const path = new URL(url).pathname;
    return (
      ((status === 401 || status === 404) && path.startsWith('/operaton/api/')) ||
      (status === 404 && path === '/operaton-welcome')
    );
  };
  const problems = watchProblems(page, (status, url) => !loggedIn && beforeLogin(status, url));
  return {
    problems,
    open: (app: Webapp, route?: string) => page.goto(webappUrl(engineUrl, app, route)),
    /** Logs in through the web app's own form (in the page's language), with the password `addStaff` gives, and waits until the form has gone. */
    async logIn(username: string, words: (typeof LOGIN_FORM)[keyof typeof LOGIN_FORM] = LOGIN_FORM.en) {
      const name = page.getByPlaceholder(words.username);
      const password = page.getByPlaceholder(words.password);
      // The name field's `autofocus` can land while the password is being typed, which then goes into the
      // name field; typing again once focus has settled fills each field with its own value.
      for (let attempt = 0; attempt < 3; attempt++) {
        await name.fill(username);
        await password.fill(STAFF_PASSWORD);
        if ((await name.inputValue()) === username && (await password.inputValue()) === STAFF_PASSWORD) break;
      }
      await page.getByRole('button', { name: words.logIn, exact: true }).click();
      await password.waitFor({ state: 'detached' });
      loggedIn = true;
    },
  };
}

/**
 * In Tasklist: opens a filter by its name, then one of its tasks by id (the list shows no business keys).
 * The filter's link also holds its task count once it is focused, so its name is matched as a part.
 */
export async function openTaskInFilter(page: Page, filterName: string, taskId: string) {
  await page.getByRole('link', { name: filterName }).click();
  await page.waitForURL(/[?&]filter=/);
  await page.goto(`${page.url()}&task=${taskId}`);
}

/** The open task's Camunda Form (form-js): claims the task, chooses the decision and, for a rejection, the reason, and completes it. */
export async function decideInTaskForm(page: Page, decision: string, reason?: string) {
  await page.getByRole('button', { name: 'Claim', exact: true }).click();
  await page.getByLabel(decision, { exact: true }).check();
  if (reason) {
    // form-js draws its select as a box that opens a list; the input its label names is hidden.
    await page
      .locator('.fjs-form-field-select', { hasText: 'علت رد — Reason for rejection' })
      .locator('.fjs-select-display')
      .click();
    await page.locator('.fjs-dropdownlist-item', { hasText: reason }).click();
  }
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
}

/** A full-page screenshot at desktop width only: the web apps are not laid out for a phone (their panes overlap). */
export const snapDesktop = (page: Page, name: string) =>
  page.screenshot({ path: `${ARTIFACTS}/${name}-desktop.png`, fullPage: true, animations: 'disabled' });
