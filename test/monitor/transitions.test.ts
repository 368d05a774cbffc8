import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { monitorModel } from '../../adapters/bpmn/monitor-model.js';
import { transitionsOf, variablesDeciding, type Visit } from '../../domain/monitor/transitions.js';

const registration = async () =>
  monitorModel(await readFile('bpmn/agency-registration.bpmn', 'utf8'), 'agency-registration');
const review = async () =>
  monitorModel(await readFile('bpmn/agency-registration-review.bpmn', 'utf8'), 'agency-registration-review');

/** Visits in the order given, one millisecond apart, each ending as the next begins unless left open (`…!`). */
const path = (pid: string, ids: string[], start = 0): Visit[] =>
  ids.map((id, i) => ({
    processInstanceId: pid,
    activityId: id.replace('!', ''),
    start: start + i,
    end: id.endsWith('!') ? null : start + i + 1,
    seq: i,
  }));

describe('flows taken, derived from the activity instances in the history', () => {
  it('reads the models: 9-3 has two ways back to step 3, told apart by otpOutcome; the default flows are known', async () => {
    const m = await registration();
    expect(variablesDeciding(m.flows)).toEqual(['otpOutcome']);
    expect(m.flows.find((f) => f.id === 'Flow_AgencyHeld')!.condition).toEqual({
      variable: 'otpOutcome',
      value: 'agency_held',
    });
    expect(m.flows.find((f) => f.id === 'Flow_OtpExhausted')!.isDefault).toBe(true);
    expect(m.elements.find((e) => e.id === 'Task_ApplicantData')).toMatchObject({ type: 'bpmn:UserTask' });
  });

  it('given a wrong captcha, then an expiry at step 3, the loop back and the timer path are counted', async () => {
    const m = await registration();
    const visits = path('p', [
      'Start_RegistrationRequested',
      'Gateway_BackToStep3',
      'Task_ApplicantData',
      'Task_CheckCaptcha',
      'Gateway_CaptchaCorrect',
      'Gateway_BackToStep3',
      'Task_ApplicantData',
      'Timer_ApplicantDataTimeout',
      'Gateway_Expired',
      'Task_CloseExpired',
      'End_Expired',
    ]);
    expect(transitionsOf(visits, m.flows).map((t) => t.flowId)).toEqual([
      'Flow_Start',
      'Flow_ToApplicantData',
      'Flow_Submitted',
      'Flow_ToCaptchaGateway',
      'Flow_CaptchaWrong',
      'Flow_ToApplicantData',
      'Flow_ApplicantDataExpired',
      'Flow_ToCloseExpired',
      'Flow_ToEndExpired',
    ]);
  });

  it('given the right code with the agency held elsewhere, the way back is 9-3’s, not 9-4’s', async () => {
    const m = await registration();
    const visits = path('p', ['Task_CheckOtp', 'Gateway_OtpCorrect', 'Gateway_BackToStep3']);
    const updates = [{ processInstanceId: 'p', name: 'otpOutcome', value: 'agency_held', time: 0.5 }];
    expect(transitionsOf(visits, m.flows, updates).map((t) => t.flowId)).toEqual([
      'Flow_ToOtpGateway',
      'Flow_AgencyHeld',
    ]);
    const exhausted = [{ processInstanceId: 'p', name: 'otpOutcome', value: 'exhausted', time: 0.5 }];
    expect(transitionsOf(visits, m.flows, exhausted).at(-1)!.flowId).toBe('Flow_OtpExhausted');
  });

  it('given the review’s reminder firing beside the open task, the decision still follows the task', async () => {
    const m = await review();
    const visits: Visit[] = [
      { processInstanceId: 'r', activityId: 'Start_ReviewRequested', start: 0, end: 1, seq: 1 },
      { processInstanceId: 'r', activityId: 'Task_Review', start: 1, end: 50, seq: 2 },
      { processInstanceId: 'r', activityId: 'Timer_ReviewReminder', start: 10, end: 10, seq: 3 },
      { processInstanceId: 'r', activityId: 'Task_RemindReviewers', start: 10, end: 12, seq: 4 },
      { processInstanceId: 'r', activityId: 'End_Reminded', start: 12, end: 12, seq: 5 },
      { processInstanceId: 'r', activityId: 'Task_RecordDecision', start: 50, end: 51, seq: 6 },
      { processInstanceId: 'r', activityId: 'End_Reviewed', start: 51, end: 51, seq: 7 },
    ];
    expect(transitionsOf(visits, m.flows).map((t) => t.flowId)).toEqual([
      'Flow_ToReview',
      'Flow_ToRemind',
      'Flow_ToEndReminded',
      'Flow_ToRecord',
      'Flow_ToEnd',
    ]);
  });
});
