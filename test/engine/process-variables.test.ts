import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/applicant.js';
import { engineRecords } from '../support/engine-records.js';
import { useEngineStack } from '../support/lifecycle.js';

const ctx = useEngineStack();

describe('what the engine keeps', () => {
  it('of a finished registration — variables, history, tasks, incidents, business key — holds ids, counters and outcome codes, never personal data', async () => {
    // given a registration that went through every step: a wrong captcha, the code, the review, the account
    const { id, applicant: person } = await ctx.applicant.begin();
    await ctx.applicant.submit(id, { captchaRight: false });
    await ctx.applicant.step(id, 'applicant-data');
    await ctx.applicant.submit(id);
    await ctx.applicant.step(id, 'otp');
    const code = await ctx.applicant.latestCode(person.mobile);
    await ctx.stack.steps.enterOtp(id, code);
    await ctx.applicant.step(id, 'under-review');
    await ctx.applicant.decide(id, { decision: 'approve' });
    await ctx.applicant.step(id, 'registered');

    // when the office reads everything the engine kept about it
    const records = engineRecords(ctx.stack.engine);
    const everything = await records.everything(id);
    const variables = await records.variables(id);

    // then no personal datum, password or code is there, and the variables are the expected ids and outcomes
    for (const secret of [
      person.nationalCode,
      person.mobile,
      person.mobile.slice(1),
      person.email,
      person.firstName,
      person.lastName,
      person.birthDate,
      PASSWORD,
      code,
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).toContain(id);
    expect([...new Set(variables.map((v) => v.name))].sort()).toEqual([
      'accountId',
      'agencyName',
      'applicantTimeout',
      'captchaOutcome',
      'civilRegistryOutcome',
      'decision',
      'notified',
      'otpAction',
      'otpEntryId',
      'otpIssuedAt',
      'otpOutcome',
      'otpTimeout',
      'otpWrongCount',
      'outcome',
      'registrationId',
      'reviewDecision',
      'reviewReminder',
      'reviewUrl',
      'shahkarOutcome',
      'signatureOutcome',
      'submissionId',
      'trackingCode',
    ]);

    // and the review task is named for its card step (as the diagram shows it) and described by its case, the agency and
    // the tracking code, and by nothing personal
    const { tracking_code: trackingCode } = await ctx.stack.db('registrations').where({ id }).first();
    expect(trackingCode).toMatch(/^\d{7}$/);
    const tasks = await records.tasks(id);
    const review = tasks.find((t) => t.taskDefinitionKey === 'Task_Review')!;
    expect(review.name).toBe('10–11 · بررسی هویت نماینده و معرفی‌نامه');
    expect(review.description?.startsWith(`دستگاه اجرایی: ${person.agencyName} — کد پیگیری ${trackingCode}`)).toBe(
      true,
    );
    for (const task of tasks) {
      const shown = `${task.name ?? ''} ${task.description ?? ''}`;
      for (const secret of [
        person.nationalCode,
        person.mobile,
        person.email,
        person.firstName,
        person.lastName,
        person.birthDate,
      ])
        expect(shown, `task ${task.taskDefinitionKey}`).not.toContain(secret);
    }
    const value = (name: string) => variables.find((v) => v.name === name)?.value;
    expect(value('reviewUrl')).toBe(`${ctx.stack.config.PUBLIC_BASE_URL}/review/#${id}`);
    expect(value('agencyName')).toBe(person.agencyName);
  });
});
