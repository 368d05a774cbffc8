import type { RegistrationView } from '../../api/registrations/registration-view.js';
import type { ApiApp } from './api-app.js';
import { applicantDriver, PASSWORD } from './applicant.js';
import { apiClient, type ApiClient } from './api-client.js';
import type { EngineStack } from './engine-stack.js';
import { letterPdf, newApplicant } from '../../ops/fixtures/applicants.js';

/** The applicant's way through the API, step by step, as the form takes it. */
export function apiJourney(stack: EngineStack, app: ApiApp) {
  const untilStep = (client: ApiClient, id: string, step: RegistrationView['step']) =>
    stack.eventually(
      async () => (await client.view(id)).body,
      (v) => v.step === step,
    );

  return {
    untilStep,

    /** Given a person the civil registry and Shahkar know: a started registration with details and letter. */
    async ready(options: { client?: ApiClient; applicant?: Record<string, string> } = {}) {
      const client = options.client ?? apiClient(app);
      const person = newApplicant(options.applicant);
      await stack.sim.addPerson(person);
      const { id } = await client.start();
      const saved = await client.saveApplicant(id, person);
      const letter = await client.uploadLetter(id, letterPdf);
      if (saved.status !== 200 || letter.status !== 200) throw new Error(`not ready: ${saved.text} ${letter.text}`);
      return { client, id, person };
    },

    /** Submits with a fresh captcha, answered right unless told otherwise (the answer is read as a person reads the image). */
    async submit(client: ApiClient, id: string, options: { captchaRight?: boolean; password?: string } = {}) {
      const captcha = (await client.captcha()).body;
      const answer = await client.captchaAnswer(captcha.id);
      const typed = options.captchaRight === false ? answer.split('').reverse().join('') + '1' : answer;
      return client.submit(id, { password: options.password ?? PASSWORD, captchaId: captcha.id, captcha: typed });
    },

    /** The newest code SMSed to the mobile, as the applicant reads it off the phone. */
    latestCode: applicantDriver(stack).latestCode,
  };
}
