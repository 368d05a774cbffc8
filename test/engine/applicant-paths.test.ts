import { describe, expect, it } from 'vitest';
import { useEngineStack } from '../support/lifecycle.js';
import { citizenOf } from '../support/citizen.js';

const ctx = useEngineStack();

const messageIds = (v: { messages: { id: string }[] }) => v.messages.map((m) => m.id);

describe('step 6-1: a wrong captcha', () => {
  it('returns to step 3 with captcha_invalid and the data kept; the right one then goes on to the code', async () => {
    const { id, applicant: person } = await ctx.applicant.begin();

    await ctx.applicant.submit(id, { captchaRight: false });

    const back = await ctx.applicant.step(id, 'applicant-data');
    expect(messageIds(back)).toEqual(['captcha_invalid']);
    expect(back.data).toMatchObject({
      nationalCode: person.nationalCode,
      mobile: person.mobile,
      agencyName: person.agencyName,
    });
    expect(back.data).not.toHaveProperty('passwordHash');
    expect(await ctx.stack.db('inquiries').where({ registration_id: id })).toEqual([]);

    await ctx.applicant.submit(id);
    const otp = await ctx.applicant.step(id, 'otp');
    expect(messageIds(otp)).toEqual([]);
  });

  it('refuses a captcha answer given a second time (single use)', async () => {
    const { id } = await ctx.applicant.begin();
    const captcha = await ctx.stack.captchas.create();
    await ctx.stack.db('captchas').where({ id: captcha.id }).update({ consumed_at: new Date() });

    await ctx.stack.steps.submit(id, {
      password: 'a long passphrase for payam',
      captchaId: captcha.id,
      captcha: captcha.answer,
    });

    expect(messageIds(await ctx.applicant.step(id, 'applicant-data'))).toEqual(['captcha_invalid']);
  });
});

describe('step 7-3: the civil registry does not match', () => {
  it('returns to step 3 with the reason; corrected, the request goes on', async () => {
    const { id, applicant: person } = await ctx.applicant.begin({ applicant: { birthDate: '1371/02/20' } });
    await ctx.stack.sim.addCitizen({ ...citizenOf(person), birthDate: '1370/01/15' });

    await ctx.applicant.submit(id);

    const back = await ctx.applicant.step(id, 'applicant-data');
    expect(messageIds(back)).toEqual(['civil_registry_mismatch']);
    expect(back.data?.birthDate).toBe('1371/02/20');

    await ctx.stack.registrations.saveApplicantData(id, { ...person, birthDate: '1370/01/15' });
    await ctx.applicant.submit(id);
    await ctx.applicant.step(id, 'otp');
  });

  it('names a deceased person as its own reason', async () => {
    const { id, applicant: person } = await ctx.applicant.begin({ known: false });
    await ctx.stack.sim.addCitizen({ ...citizenOf(person), alive: false });

    await ctx.applicant.submit(id);

    expect(messageIds(await ctx.applicant.step(id, 'applicant-data'))).toEqual(['civil_registry_deceased']);
  });
});

describe('step 8-3: Shahkar does not match', () => {
  it('returns to step 3 with shahkar_mismatch and sends no code', async () => {
    const { id, applicant: person } = await ctx.applicant.begin({ known: false });
    await ctx.stack.sim.addCitizen(citizenOf(person));

    await ctx.applicant.submit(id);

    expect(messageIds(await ctx.applicant.step(id, 'applicant-data'))).toEqual(['shahkar_mismatch']);
    expect(await ctx.stack.sim.smsTo(person.mobile)).toEqual([]);
  });
});

describe('steps 9-3 and 9-4: the one-time code', () => {
  async function atOtp() {
    const r = await ctx.applicant.begin();
    await ctx.applicant.submit(r.id);
    await ctx.applicant.step(r.id, 'otp');
    return r;
  }

  it('after one and two wrong codes, a new code each time; the right one goes to review', async () => {
    const { id, applicant: person } = await atOtp();
    const first = await ctx.applicant.latestCode(person.mobile, 1);

    await ctx.stack.steps.enterOtp(id, first === '000000' ? '111111' : '000000');
    const v = await ctx.stack.eventually(
      () => ctx.stack.view(id),
      (x) => x.step === 'otp' && x.otp?.wrongAttempts === 1,
    );
    expect(messageIds(v)).toEqual(['otp_invalid']);
    const second = await ctx.applicant.latestCode(person.mobile, 2);

    // the first code stopped working when the second was sent
    await ctx.stack.steps.enterOtp(id, first === second ? '999999' : first);
    await ctx.stack.eventually(
      () => ctx.stack.view(id),
      (x) => x.step === 'otp' && x.otp?.wrongAttempts === 2,
    );
    const third = await ctx.applicant.latestCode(person.mobile, 3);

    await ctx.stack.steps.enterOtp(id, third);
    await ctx.applicant.step(id, 'under-review');
  });

  it('after three wrong codes, back to step 3 with otp_exhausted', async () => {
    const { id, applicant: person } = await atOtp();
    for (let i = 1; i <= 3; i++) {
      const code = await ctx.applicant.latestCode(person.mobile, i);
      await ctx.stack.steps.enterOtp(id, code === '000000' ? '111111' : '000000');
      if (i < 3)
        await ctx.stack.eventually(
          () => ctx.stack.view(id),
          (x) => x.step === 'otp' && x.otp?.wrongAttempts === i,
        );
    }
    const back = await ctx.applicant.step(id, 'applicant-data');
    expect(messageIds(back)).toEqual(['otp_exhausted']);
    expect(await ctx.stack.sim.smsTo(person.mobile)).toHaveLength(3);
  });

  it('sends a new code on request without counting a wrong attempt', async () => {
    const { id, applicant: person } = await atOtp();
    await ctx.applicant.latestCode(person.mobile, 1);

    await ctx.stack.steps.resendOtp(id);

    const v = await ctx.stack.eventually(
      () => ctx.stack.view(id),
      (x) => x.step === 'otp',
    );
    expect(v.otp?.wrongAttempts).toBe(0);
    const fresh = await ctx.applicant.latestCode(person.mobile, 2);
    await ctx.stack.steps.enterOtp(id, fresh);
    await ctx.applicant.step(id, 'under-review');
  });
});
