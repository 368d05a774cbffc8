import { setTimeout as sleep } from 'node:timers/promises';
import { letterPdf, newApplicant } from '../fixtures/applicants.js';

const PASSWORD = 'a long passphrase for payam';

/** What one applicant saw: where the registration ended and every error shown without a Persian text. */
export interface JourneyResult {
  id?: string;
  person: ReturnType<typeof newApplicant>;
  step: string;
  unexplainedErrors: string[];
  unavailable: number;
  ms: number;
}

const PERSIAN = /[\u0600-\u06FF]/;

/**
 * One applicant through the public API over HTTP, as the form does it, asking again when the answer
 * is 503 or none at all (the form's retry); then a reviewer's approval on the reviewers' API.
 */
export function journeys(opts: {
  api: string;
  pgsb: string;
  sms: string;
  reviewerToken: () => string;
  deadlineMs: number;
}) {
  async function call(
    result: JourneyResult,
    method: string,
    path: string,
    init: { token?: string; json?: unknown; form?: FormData } = {},
  ) {
    for (;;) {
      if (Date.now() > result.ms + opts.deadlineMs) throw new Error(`deadline passed at ${method} ${path}`);
      let res: Response;
      try {
        res = await fetch(`${opts.api}${path}`, {
          method,
          headers: {
            ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
            ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: init.form ?? (init.json !== undefined ? JSON.stringify(init.json) : undefined),
          signal: AbortSignal.timeout(30_000),
        });
      } catch {
        result.unavailable++;
        await sleep(1_000);
        continue;
      }
      const text = await res.text();
      const body = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
      if (res.status >= 400 && !PERSIAN.test(String(body?.error?.text?.fa ?? '')))
        result.unexplainedErrors.push(`${method} ${path} ${res.status}`);
      if (res.status === 503) {
        result.unavailable++;
        await sleep(1_000);
        continue;
      }
      return { status: res.status, body };
    }
  }

  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function untilStep(r: JourneyResult, token: string, steps: string[]) {
    for (;;) {
      const v = await call(r, 'GET', `/api/registrations/${r.id}`, { token });
      r.step = v.body?.step ?? r.step;
      if (steps.includes(r.step)) return r.step;
      await sleep(400);
    }
  }

  async function latestCode(mobile: string, after: number) {
    for (;;) {
      const messages = (await (await fetch(`${opts.sms}/__sim/messages?to=${mobile}`)).json()) as {
        text: string;
        template?: string;
      }[];
      const codes = messages.filter((m) => m.template === 'payam-otp');
      if (codes.length > after) return { code: /\d{6}/.exec(codes.at(-1)!.text)![0], count: codes.length };
      await sleep(300);
    }
  }

  return async function register(): Promise<JourneyResult> {
    const person = newApplicant();
    const r: JourneyResult = { person, step: 'not-started', unexplainedErrors: [], unavailable: 0, ms: Date.now() };
    try {
      await post(`${opts.pgsb}/__sim/citizens`, {
        alive: true,
        nationalCode: person.nationalCode,
        birthDate: person.birthDate,
        firstName: person.firstName,
        lastName: person.lastName,
        fatherName: person.fatherName,
      });
      await post(`${opts.pgsb}/__sim/mobiles`, { nationalCode: person.nationalCode, mobile: person.mobile });
      const started = await call(r, 'POST', '/api/registrations', { json: {} });
      if (started.status !== 201) throw new Error(`start ${started.status}`);
      const token = started.body.token as string;
      r.id = started.body.registration.id as string;
      await untilStep(r, token, ['applicant-data']);
      await call(r, 'PUT', `/api/registrations/${r.id}/applicant`, { token, json: person });
      const form = new FormData();
      form.append('letter', new Blob([new Uint8Array(letterPdf)], { type: 'application/pdf' }), 'letter.pdf');
      await call(r, 'POST', `/api/registrations/${r.id}/letter`, { token, form });
      let codesSeen = 0;
      for (;;) {
        const step = await untilStep(r, token, [
          'applicant-data',
          'otp',
          'under-review',
          'registered',
          'rejected',
          'expired',
        ]);
        if (step === 'applicant-data') {
          // What the form shows at step 3: a part that was never kept (its request failed) is entered again.
          const shown = await call(r, 'GET', `/api/registrations/${r.id}`, { token });
          if (!shown.body?.data) await call(r, 'PUT', `/api/registrations/${r.id}/applicant`, { token, json: person });
          if (!shown.body?.letter) await call(r, 'POST', `/api/registrations/${r.id}/letter`, { token, form });
          const captcha = await call(r, 'GET', '/api/captcha');
          const answer = (await (await fetch(`${opts.api}/__test/captcha/${captcha.body.id}`)).json()) as {
            answer: string;
          };
          const submitted = await call(r, 'POST', `/api/registrations/${r.id}/submit`, {
            token,
            json: { password: PASSWORD, captchaId: captcha.body.id, captcha: answer.answer },
          });
          // Not taken (the engine or the database was away, and the submission was taken back): the form is at
          // step 3 again, with what was entered kept, and the applicant submits again, with a new captcha.
          if (submitted.status >= 400) {
            await sleep(1_000);
            continue;
          }
          await untilStep(r, token, ['verifying', 'otp', 'under-review', 'registered', 'rejected', 'expired']);
        } else if (step === 'otp') {
          const { code, count } = await latestCode(person.mobile, codesSeen);
          codesSeen = count;
          const entered = await call(r, 'POST', `/api/registrations/${r.id}/otp`, { token, json: { code } });
          // Not taken (a 503 while PostgreSQL was away, the entry taken back): the code on the phone still holds,
          // so the applicant types it again rather than waiting for a new one that nobody sends.
          if (entered.status >= 400) codesSeen = count - 1;
          await sleep(500);
        } else if (step === 'under-review') {
          const decided = await call(r, 'POST', `/api/reviews/${r.id}/decision`, {
            token: opts.reviewerToken(),
            json: { decision: 'approve' },
          });
          // Not yet there (404, 409 while the review task is being created): ask again, as a reviewer would.
          if (decided.status !== 200) {
            await sleep(1_000);
            continue;
          }
          await untilStep(r, token, ['registered', 'rejected', 'expired']);
        } else break;
      }
    } catch (err) {
      r.unexplainedErrors.push(`journey stopped: ${(err as Error).message}`);
    }
    r.ms = Date.now() - r.ms;
    return r;
  };
}
