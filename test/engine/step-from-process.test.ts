import { describe, expect, it } from 'vitest';
import { USER_TASKS } from '../../adapters/engine/process-model.js';
import { createStepService } from '../../api/registrations/step-service.js';
import { PASSWORD } from '../support/applicant.js';
import { useEngineStack } from '../support/lifecycle.js';

// Submit answers at once, so the workers race the API's own writes as hard as they can.
const ctx = useEngineStack({ SUBMIT_WAIT_MS: '0' });

describe("the applicant's step comes from where the process is", () => {
  it('after a submit the workers move on from, the code step is shown and recorded, never left at "verifying"', async () => {
    for (let round = 0; round < 4; round++) {
      // given a registration at step 3
      const { id } = await ctx.applicant.begin();

      // when the applicant submits and the workers reach step 9-2 as fast as they can
      await ctx.applicant.submit(id);
      await ctx.stack.eventually(
        () => ctx.stack.engine.openTasks(id, [USER_TASKS.enterOtp]),
        (t) => t.length === 1,
      );

      // then the form shows the code step and the database says the same (no late "verifying" over it)
      expect((await ctx.stack.view(id)).step).toBe('otp');
      expect((await ctx.stack.db('registrations').where({ id }).first()).status).toBe('otp');
    }
  });

  it('a completion the engine refuses takes the submission back: nothing half-written, the applicant still at step 3', async () => {
    // given a registration at step 3, whose instance an operator cancels in Cockpit just as the applicant submits
    const { id } = await ctx.applicant.begin();
    const engine = ctx.stack.engine;
    const racing = {
      ...engine,
      async completeTask(taskId: string, vars?: Record<string, string>) {
        const [task] = await engine.openTasks(id);
        await engine.cancel(task!.processInstanceId);
        return engine.completeTask(taskId, vars);
      },
    };
    const steps = createStepService({ ...ctx.stack.serviceDeps, engine: racing }, ctx.stack.captchas);
    const captcha = await ctx.stack.captchas.create();

    // when the submit reaches the engine after the task is gone
    await expect(
      steps.submit(id, { password: PASSWORD, captchaId: captcha.id, captcha: captcha.answer }),
    ).rejects.toMatchObject({ code: 'expired', statusCode: 409 });

    // then the submission is taken back and the request is where it was
    expect(await ctx.stack.db('submissions').where({ registration_id: id })).toEqual([]);
    expect((await ctx.stack.db('registrations').where({ id }).first()).status).toBe('applicant-data');
  });
});
