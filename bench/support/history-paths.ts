/**
 * Realistic paths through the card for a seeded history: a third of the registrations go back to step 3 at
 * least once (wrong captcha, a refused signature, no match at the civil registry or Shahkar, the code wrong three
 * times), some expire at step 3 or 9-2, some are rejected at review, most are registered. Times are drawn from
 * log-normal spreads around what people take (minutes to fill the form, a day or two for the review).
 */
export interface SeedVisit {
  activityId: string;
  type: string;
  start: number;
  end: number;
  /** The called review's process instance (the call activity only). */
  calls?: SeedReview;
}

interface SeedReview {
  visits: SeedVisit[];
}

export interface SeedPath {
  visits: SeedVisit[];
  /** otpOutcome as step 9-3 wrote it, each with its time: what tells 9-3's two ways back apart. */
  otpOutcomes: { value: string; time: number }[];
  outcome: 'registered' | 'rejected' | 'expired';
  /** Why the process last sent the applicant back to step 3, as `registrations.return_reason` keeps it (a new submission clears it). */
  returnReason: string | null;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A deterministic generator (mulberry32), so a seed is the same history again. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pathOf(
  start: number,
  rnd: () => number,
  limits = { applicant: 3 * DAY, otp: 15 * MIN, reminder: 2 * DAY },
): SeedPath {
  const logNormal = (median: number, spread = 0.8) => {
    const u = Math.max(rnd(), 1e-9);
    const v = rnd();
    return median * Math.exp(spread * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  };
  const visits: SeedVisit[] = [];
  const otpOutcomes: SeedPath['otpOutcomes'] = [];
  let returnReason: string | null = null;
  const RETURNS = ['captcha_wrong', 'letter_signature_invalid', 'civil_registry_mismatch', 'shahkar_mismatch'];
  let t = start;
  const step = (activityId: string, type: string, ms: number) => {
    const v: SeedVisit = { activityId, type, start: t, end: t + Math.max(0, Math.round(ms)) };
    visits.push(v);
    t = v.end;
    return v;
  };
  const gateway = (id: string) => step(id, 'exclusiveGateway', 0);
  const service = (id: string, median = 60) => step(id, 'serviceTask', logNormal(median, 0.6));
  const end = (closeTask: string, endEvent: string) => {
    service(closeTask);
    step(endEvent, 'noneEndEvent', 0);
  };
  const expire = (task: string, timer: string, limit: number) => {
    step(task, 'userTask', limit);
    step(timer, 'boundaryTimer', 1);
    gateway('Gateway_Expired');
    end('Task_CloseExpired', 'End_Expired');
  };

  step('Start_RegistrationRequested', 'startEvent', 2);
  // A third go back to step 3 at least once: each return below is drawn, and rounds repeat until one passes.
  const backOnce = rnd() < 0.34;
  for (let round = 0; round < 4; round++) {
    gateway('Gateway_BackToStep3');
    if (rnd() < 0.04) {
      expire('Task_ApplicantData', 'Timer_ApplicantDataTimeout', limits.applicant);
      return { visits, otpOutcomes, outcome: 'expired', returnReason };
    }
    step('Task_ApplicantData', 'userTask', logNormal(round ? 4 * MIN : 18 * MIN));
    returnReason = null;
    const mustReturn = backOnce && round === 0;
    const reason = mustReturn ? Math.floor(rnd() * 5) : rnd() < 0.04 ? Math.floor(rnd() * 5) : -1;
    service('Task_CheckCaptcha', 40);
    gateway('Gateway_CaptchaCorrect');
    if (reason === 0) {
      returnReason = RETURNS[0]!;
      continue;
    }
    service('Task_CheckLetterSignature', 120);
    gateway('Gateway_LetterSignature');
    if (reason === 1) {
      returnReason = RETURNS[1]!;
      continue;
    }
    service('Task_CivilRegistry', 400);
    gateway('Gateway_CivilRegistryMatch');
    if (reason === 2) {
      returnReason = RETURNS[2]!;
      continue;
    }
    service('Task_Shahkar', 300);
    gateway('Gateway_ShahkarMatch');
    if (reason === 3) {
      returnReason = RETURNS[3]!;
      continue;
    }
    // Step 9: codes until one is right, or three wrong (back to 3), or the time limit.
    let wrong = 0;
    for (;;) {
      gateway('Gateway_IssueCode');
      service('Task_SendOtp', 250);
      if (rnd() < 0.03) {
        expire('Task_EnterOtp', 'Timer_OtpTimeout', limits.otp);
        return { visits, otpOutcomes, outcome: 'expired', returnReason };
      }
      step('Task_EnterOtp', 'userTask', logNormal(70_000));
      gateway('Gateway_OtpAction');
      if (rnd() < 0.05) continue; // a new code asked
      service('Task_CheckOtp', 50);
      const exhausted = reason === 4 && wrong === 2;
      const isWrong = reason === 4 ? wrong < 2 : rnd() < 0.08 && wrong < 2;
      const value = exhausted ? 'exhausted' : isWrong ? 'wrong' : 'accepted';
      otpOutcomes.push({ value, time: t });
      gateway('Gateway_OtpCorrect');
      if (value === 'wrong') {
        wrong++;
        continue;
      }
      break;
    }
    if (otpOutcomes.at(-1)!.value === 'exhausted') {
      returnReason = 'otp_exhausted';
      continue;
    }
    // Step 10: the review, a process of its own.
    const reviewStart = t;
    const reviewMs = Math.round(logNormal(20 * HOUR, 1));
    const review: SeedVisit[] = [
      { activityId: 'Start_ReviewRequested', type: 'startEvent', start: reviewStart, end: reviewStart },
      { activityId: 'Task_Review', type: 'userTask', start: reviewStart, end: reviewStart + reviewMs },
    ];
    if (reviewMs > limits.reminder) {
      const at = reviewStart + limits.reminder;
      review.push(
        { activityId: 'Timer_ReviewReminder', type: 'boundaryTimer', start: at, end: at },
        { activityId: 'Task_RemindReviewers', type: 'serviceTask', start: at, end: at + 300 },
        { activityId: 'End_Reminded', type: 'noneEndEvent', start: at + 300, end: at + 300 },
      );
    }
    const decided = reviewStart + reviewMs;
    review.push(
      { activityId: 'Task_RecordDecision', type: 'serviceTask', start: decided, end: decided + 80 },
      { activityId: 'End_Reviewed', type: 'noneEndEvent', start: decided + 80, end: decided + 80 },
    );
    const call = step('Call_Review', 'callActivity', reviewMs + 100);
    call.calls = { visits: review };
    gateway('Gateway_Approved');
    if (rnd() < 0.15) {
      service('Task_NotifyRejected', 200);
      end('Task_CloseRejected', 'End_Rejected');
      return { visits, otpOutcomes, outcome: 'rejected', returnReason };
    }
    service('Task_CreateAccount', 150);
    service('Task_NotifyRegistered', 200);
    end('Task_CloseRegistered', 'End_Registered');
    return { visits, otpOutcomes, outcome: 'registered', returnReason };
  }
  // Four rounds without passing: the applicant gives up and the time limit ends it.
  gateway('Gateway_BackToStep3');
  expire('Task_ApplicantData', 'Timer_ApplicantDataTimeout', limits.applicant);
  return { visits, otpOutcomes, outcome: 'expired', returnReason };
}
