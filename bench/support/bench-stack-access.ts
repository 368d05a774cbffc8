import type { Db } from '../../db/knex.js';
import { addStaff, STAFF_PASSWORD } from '../../ops/fixtures/staff.js';

/** A reviewer made for the run and logged in to the API: the token the driver decides reviews with. */
export async function reviewerTokenFor(db: Db, baseUrl: string): Promise<string> {
  const reviewerName = await addStaff(db, 'reviewer');
  const login = await fetch(`${baseUrl}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: reviewerName, password: STAFF_PASSWORD }),
  });
  if (!login.ok) throw new Error(`the reviewer could not log in: ${login.status}`);
  return ((await login.json()) as { token: string }).token;
}

/** The PGSB simulator's controls the driver plants its applicants with. */
export function pgsbControls(pgsbUrl: string) {
  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
      (r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
      },
    );
  return {
    addCitizen: (c: Record<string, unknown>) => post(`${pgsbUrl}/__sim/citizens`, c),
    addMobile: (nationalCode: string, mobile: string) => post(`${pgsbUrl}/__sim/mobiles`, { nationalCode, mobile }),
  };
}
