import { randomUUID } from 'node:crypto';
import { buildApp } from '../../api/app.js';
import { REVIEW_PAGE_SIZE } from '../../api/schemas/reviews.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';
import type { StaffRole } from '../../domain/staff.js';
import { addStaff, STAFF_PASSWORD } from '../../ops/fixtures/staff.js';
import { summarize, type Summary } from './stats.js';

const address = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The supervisor's reports page and the reviewers' list (its first page) as their pages ask the API for them (the
 * routes, their sign-in and serialisation included), each `runs` times, in-process through `inject`: what the API's
 * server adds on top is a socket, the same for every route.
 */
export async function timeStaffPages(config: Config, db: Db, now: Date, runs = 20) {
  const app = buildApp({ config, db, rateLimitNameSpace: `bench:${randomUUID()}:` });
  await app.ready();
  try {
    const token = async (role: StaffRole) => {
      const username = await addStaff(db, role);
      const res = await app.inject({
        method: 'POST',
        url: '/api/staff/login',
        payload: { username, password: STAFF_PASSWORD },
        remoteAddress: address(),
      });
      if (res.statusCode !== 200) throw new Error(`staff login answered ${res.statusCode}`);
      return res.json<{ token: string }>().token;
    };
    const supervisor = await token('supervisor');
    const reviewer = await token('reviewer');
    const DAY = 86_400_000;
    const monthFrom = day(new Date(now.getTime() - 30 * DAY));
    const yearFrom = day(new Date(now.getTime() - 365 * DAY));
    const to = day(now);
    const pages: { what: string; url: string; token: string }[] = [
      {
        what: 'reports page, 30 days by day',
        url: `/api/reports/registrations?from=${monthFrom}&to=${to}&bucket=day`,
        token: supervisor,
      },
      {
        what: 'reports page, 365 days by month',
        url: `/api/reports/registrations?from=${yearFrom}&to=${to}&bucket=month`,
        token: supervisor,
      },
      {
        what: "reports page, a figure's registrations (30 days, started)",
        url: `/api/reports/registrations/instances?from=${monthFrom}&to=${to}&bucket=day&figure=started`,
        token: supervisor,
      },
      {
        what: "reports page, a figure's registrations (365 days, successful, the first page)",
        url: `/api/reports/registrations/instances?from=${yearFrom}&to=${to}&bucket=month&figure=successful`,
        token: supervisor,
      },
      // What the reviewers' page asks for on opening: the first page (50, oldest first) with the total and overdue counts.
      {
        what: `reviewers' open list, first page of ${REVIEW_PAGE_SIZE} with the counts (/api/reviews?state=open&page=1)`,
        url: '/api/reviews?state=open&page=1',
        token: reviewer,
      },
    ];
    const results: { what: string; url: string; status: number; bytes: number; summary: Summary }[] = [];
    for (const p of pages) {
      const times: number[] = [];
      let status = 0;
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const res = await app.inject({
          method: 'GET',
          url: p.url,
          headers: { authorization: `Bearer ${p.token}` },
          remoteAddress: address(),
        });
        times.push(performance.now() - t);
        status = res.statusCode;
        bytes = res.rawPayload.length;
      }
      results.push({ what: p.what, url: p.url, status, bytes, summary: summarize(times) });
    }
    return results;
  } finally {
    await app.close();
  }
}
