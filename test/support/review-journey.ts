import { bucketLabel } from '../../domain/report-buckets.js';
import type { ApiApp } from './api-app.js';
import { apiJourney } from './api-journey.js';
import { applicantDriver } from './applicant.js';
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
