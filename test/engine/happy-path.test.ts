import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/applicant.js';
import { useEngineStack } from '../support/lifecycle.js';

const ctx = useEngineStack();

describe('a registration the reviewer approves (card steps 1–12)', () => {
  it('ends registered, with the username by SMS and e-mail and the chosen password on the account', async () => {
    // given an applicant the civil registry and Shahkar know, with data and letter entered
    const { id, applicant: person } = await ctx.applicant.begin();

    // when they submit with the right captcha and enter the code SMSed to them
    await ctx.applicant.submit(id);
    await ctx.applicant.step(id, 'otp');
    await ctx.stack.steps.enterOtp(id, await ctx.applicant.latestCode(person.mobile));

    // then the request waits for review
    const underReview = await ctx.applicant.step(id, 'under-review');
    expect(underReview.messages.map((m) => m.id)).toEqual(['under_review']);

    // when the reviewer approves
    await ctx.applicant.decide(id, { decision: 'approve' });

    // then the agency is registered, the username is SMSed and e-mailed, and the password is the one chosen
    const done = await ctx.applicant.step(id, 'registered');
    expect(done.username).toMatch(/^[a-z0-9.]{3,32}$/);
    const sms = await ctx.stack.eventually(
      () => ctx.stack.sim.smsTo(person.mobile),
      (m) => m.length >= 2,
    );
    expect(sms.at(-1)!.text).toContain(done.username);
    const mail = await ctx.stack.eventually(
      () => ctx.stack.sim.mailTo(person.email),
      (m) => m.length >= 1,
    );
    expect(mail[0]!.text).toContain(done.username);
    const account = await ctx.stack.db('accounts').where({ registration_id: id }).first();
    expect(await verify(account.password_hash, PASSWORD)).toBe(true);
    expect(await verify(account.password_hash, 'another passphrase entirely')).toBe(false);
  });
});
