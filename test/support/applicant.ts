import { USER_TASKS } from '../../adapters/engine/process-model.js';
import type { EngineStack } from './engine-stack.js';
import { letterPdf, newApplicant } from '../../ops/fixtures/applicants.js';

export const PASSWORD = 'a long passphrase for payam';

/** Drives a registration the way the form does, through the same services the API calls. */
export function applicantDriver(stack: EngineStack) {
  const step = (id: string, expected: string) =>
    stack.eventually(
      () => stack.view(id),
      (v) => v.step === expected,
    );
  const driver = {
    step,

    /** Given a person the civil registry and Shahkar know, a started registration with data and letter. */
    async begin(options: { known?: boolean; applicant?: Record<string, string> } = {}) {
      const applicant = newApplicant(options.applicant);
      if (options.known !== false) {
        await stack.sim.addPerson(applicant);
      }
      const { id, token } = await stack.registrations.start();
      await step(id, 'applicant-data');
      await stack.registrations.saveApplicantData(id, applicant);
      await stack.registrations.saveLetter(id, letterPdf, 'letter.pdf');
      return { id, token, applicant };
    },

    async submit(id: string, options: { captchaRight?: boolean } = {}) {
      const captcha = await stack.captchas.create();
      const typed =
        options.captchaRight === false
          ? String((Number(captcha.answer) + 1) % 100000).padStart(5, '0')
          : captcha.answer;
      await stack.steps.submit(id, { password: PASSWORD, captchaId: captcha.id, captcha: typed });
    },

    /** The newest code SMSed to the applicant's mobile, read from the SMS simulator as a person reads the phone. */
    async latestCode(mobile: string, count?: number) {
      const messages = await stack.eventually(
        () => stack.sim.smsTo(mobile),
        (m) => m.length >= (count ?? 1),
      );
      const code = /\d{6}/.exec(messages.at(-1)!.text)?.[0];
      if (!code) throw new Error('no code in the last SMS');
      return code;
    },

    /** Given a known applicant, a registration that has passed steps 3–9 and waits in the reviewers' queue (step 10). */
    async untilReview(options: { applicant?: Record<string, string> } = {}) {
      const r = await driver.begin(options);
      await driver.submit(r.id);
      await step(r.id, 'otp');
      await stack.steps.enterOtp(r.id, await driver.latestCode(r.applicant.mobile));
      await step(r.id, 'under-review');
      await driver.inReviewQueue(r.id);
      return r;
    },

    /**
     * The applicant sees "under review" once the code is accepted; the review task reaches the reviewers'
     * queue (and Tasklist) a moment later, from the engine's job executor. A reviewer decides only what is there.
     */
    inReviewQueue: (id: string) =>
      stack.eventually(
        () => stack.engine.openTasks(id, [USER_TASKS.review]),
        (t) => t.length > 0,
      ),

    /** The reviewer's task completed through the engine with the variables Tasklist's form sends. */
    async decide(id: string, variables: Record<string, string>) {
      const [task] = await stack.eventually(
        () => stack.engine.openTasks(id, [USER_TASKS.review]),
        (t) => t.length > 0,
      );
      await stack.engine.completeTask(task!.id, variables);
    },
  };
  return driver;
}
