import { REVIEW_PROCESS_ID } from '../../adapters/engine/process-model.js';
import { bucketLabel } from '../../domain/report-buckets.js';
import type { ApiApp } from './api-app.js';
import { apiJourney } from './api-journey.js';
import { applicantDriver } from './applicant.js';
import { insertApplicantData, insertRegistration } from './database.js';
import type { EngineStack } from './engine-stack.js';
import { withToken } from './staff.js';

/** The way to card step 10 through the API, and what the reviewer, the applicant and the supervisor see afterwards. */
export function reviewJourney(stack: EngineStack, app: ApiApp) {
  const journey = apiJourney(stack, app);
  return {
    /** Given a person the registries know: a request that passed the inquiries and the code, waiting for review. */
    async underReview() {
      const { client, id, person } = await journey.ready();
      await journey.submit(client, id);
      await journey.untilStep(client, id, 'otp');
      await client.enterOtp(id, await journey.latestCode(person.mobile));
      await journey.untilStep(client, id, 'under-review');
      await applicantDriver(stack).inReviewQueue(id);
      return { client, id, person };
    },

    untilStep: journey.untilStep,

    /**
     * Given `count` requests already waiting for review, put straight into our database and started in the
     * engine's review as step 10 starts it (no form, no inquiries): quick enough to fill the reviewers' first
     * page. They are not the registration process's, which the stack ends on closing: `end` ends them.
     */
    async waitingInBulk(count: number) {
      const instances: string[] = [];
      for (let i = 0; i < count; i++) {
        const since = new Date();
        const id = await insertRegistration(stack.db, {
          status: 'under-review',
          review_started_at: since,
          submitted_at: since,
          verified_at: since,
        });
        const data = await insertApplicantData(stack.db, id);
        await stack.db('registrations').where({ id }).update({ agency_national_id: data.agencyNationalId });
        const { tracking_code: trackingCode } = await stack.db('registrations').where({ id }).first();
        const started = await stack.engine.start(REVIEW_PROCESS_ID, id, {
          registrationId: id,
          reviewReminder: stack.config.REVIEW_REMINDER,
          agencyName: data.agencyName,
          trackingCode,
          reviewUrl: `${stack.config.PUBLIC_BASE_URL}/review/#${id}`,
        });
        instances.push(started.id);
      }
      return {
        async end() {
          await Promise.all(instances.map((p) => stack.engine.cancel(p)));
        },
      };
    },

    /** The username, as the applicant reads it in the SMS of card step 12. */
    async usernameFromSms(mobile: string) {
      const messages = await stack.eventually(
        () => stack.sim.smsTo(mobile),
        (m) => m.some((x) => x.template === 'payam-registered'),
      );
      return /نام کاربری: (\S+)/.exec(messages.find((x) => x.template === 'payam-registered')!.text)![1]!;
    },

    /** The report's totals from yesterday to tomorrow in Tehran, so a run across midnight still counts everything it made. */
    async reportTotal(token: string, calendar: 'jalali' | 'gregorian') {
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
      const label = (d: Date) => bucketLabel(d, 'day', calendar);
      const url = `/api/reports/registrations?from=${label(day(-1))}&to=${label(day(1))}&bucket=day&calendar=${calendar}`;
      const res = await app.inject({ url, ...withToken(token) });
      if (res.statusCode !== 200) throw new Error(`report answered ${res.statusCode}: ${res.body}`);
      return res.json().total as {
        started: number;
        successful: number;
        open: number;
        unsuccessful: Record<string, number>;
      };
    },
  };
}
