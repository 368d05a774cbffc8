import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { letterPdf, newApplicant } from '../../ops/fixtures/applicants.js';
import type { Answer } from './http-client.js';
import { apiClient } from './http-client.js';
import type { SentMessage } from '../../simulators/sms/state.js';
import type { expectations } from './expectations.js';
import { codeIn, isCode, isRegistered, toPhone } from './phone.js';
import type { Samples } from './stats.js';

const PASSWORD = 'a long passphrase for payam';
/** The form polls a "verifying" answer this often (api/public/app.js POLL_MS). */
const FORM_POLL_MS = 1_500;

export interface Pgsb {
  addCitizen(c: Record<string, unknown>): Promise<void>;
  addMobile(nationalCode: string, mobile: string): Promise<void>;
}

export interface Measures {
  /** (a) submit → code screen, (b) code → under review, (c) decision → account created and SMS sent. */
  steps: Samples;
  /** Every request, by route. */
  requests: Samples;
  /** Server-Timing parts of the submit and code requests (hash, engine, task, wait). */
  server: Samples;
  instanceKeys: string[];
}

const randomAddress = () => `10.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(1, 250)}`;

/**
 * One registration through the public API exactly as the form drives it — start, applicant data,
 * letter, captcha (its answer from the test hook), submit, the code read off the SMS simulator,
 * then the reviewer's decision through the reviewers' API — until the "registered" SMS arrives.
 */
export function fullStackDriver(
  baseUrl: string,
  pgsb: Pgsb,
  phone: ReturnType<typeof expectations<SentMessage>>,
  reviewerToken: string,
  m: Measures,
) {
  const client = apiClient(baseUrl, m.requests);
  const reviewer = client('127.0.0.1', reviewerToken);

  /** The view the screen shows once it leaves "verifying", polling as the form does. */
  async function screenAfter(call: typeof reviewer, first: Answer, id: string): Promise<string> {
    let view = first.body;
    while (view.step === 'verifying') {
      await sleep(FORM_POLL_MS);
      view = (await call('GET view (poll)', 'GET', `/api/registrations/${id}`)).body;
    }
    return view.step as string;
  }

  const keepServerTiming = (prefix: string, a: Answer) => {
    for (const [k, v] of a.serverTiming) m.server.add(`${prefix}: ${k}`, v);
  };

  return async function one() {
    const applicant = newApplicant();
    await pgsb.addCitizen({
      nationalCode: applicant.nationalCode,
      birthDate: applicant.birthDate,
      firstName: applicant.firstName,
      lastName: applicant.lastName,
      fatherName: applicant.fatherName,
      alive: true,
    });
    await pgsb.addMobile(applicant.nationalCode, applicant.mobile);
    const anon = client(randomAddress());
    const started = await anon('POST start', 'POST', '/api/registrations', { json: {}, expect: [201] });
    const id = started.body.registration.id as string;
    m.instanceKeys.push(id);
    const call = client(randomAddress(), started.body.token);
    await call('PUT applicant data', 'PUT', `/api/registrations/${id}/applicant`, { json: applicant });
    const form = new FormData();
    form.set('letter', new Blob([new Uint8Array(letterPdf)], { type: 'application/pdf' }), 'letter.pdf');
    await call('POST letter', 'POST', `/api/registrations/${id}/letter`, { form });
    const captcha = (await call('GET captcha', 'GET', '/api/captcha')).body;
    const { answer } = (await call('GET captcha answer (test hook)', 'GET', `/__test/captcha/${captcha.id}`)).body;

    const codeSms = phone.expect(toPhone(applicant.mobile, isCode), 'the code SMS');
    let t0 = performance.now();
    const submitted = await call('POST submit', 'POST', `/api/registrations/${id}/submit`, {
      json: { password: PASSWORD, captchaId: captcha.id, captcha: answer },
    });
    keepServerTiming('submit', submitted);
    const afterSubmit = await screenAfter(call, submitted, id);
    if (afterSubmit !== 'otp') throw new Error(`after submit the screen showed ${afterSubmit}`);
    m.steps.add('(a) submit → code screen', performance.now() - t0);

    const code = codeIn(await codeSms);
    t0 = performance.now();
    const entered = await call('POST code', 'POST', `/api/registrations/${id}/otp`, { json: { code } });
    keepServerTiming('code', entered);
    const afterCode = await screenAfter(call, entered, id);
    if (afterCode !== 'under-review') throw new Error(`after the code the screen showed ${afterCode}`);
    m.steps.add('(b) code → under review', performance.now() - t0);

    // The reviewer decides once the request is in the queue (the review task exists a moment after the screen says so).
    const registeredSms = phone.expect(toPhone(applicant.mobile, isRegistered), 'the registered SMS');
    for (let tries = 0; ; tries++) {
      t0 = performance.now();
      const decided = await reviewer('POST decision', 'POST', `/api/reviews/${id}/decision`, {
        json: { decision: 'approve' },
        expect: [200, 409],
      });
      if (decided.status === 200) break;
      if (tries > 300) throw new Error('the review never reached the reviewers');
      m.steps.add('decision tried before the review task existed', 0);
      await sleep(100);
    }
    await registeredSms;
    m.steps.add('(c) decision → account created and SMS sent', performance.now() - t0);
  };
}
