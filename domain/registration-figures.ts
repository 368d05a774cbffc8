import {
  addDigest,
  addPacked,
  interpolatedQuantileOfSums,
  type DigestSums,
  type DurationDigest,
  type PackedDigest,
} from './monitor/duration-digest.js';

/**
 * The supervisor's figures, by the period a registration started in (its cohort), so that each
 * row adds up: started = successful + the unsuccessful reasons + open. Pure: the caller reads
 * the rows (ids, statuses and times only) and labels the periods.
 */
export const UNSUCCESSFUL_REASONS = ['captcha', 'civil_registry', 'shahkar', 'otp', 'rejected', 'expired'] as const;
export type UnsuccessfulReason = (typeof UNSUCCESSFUL_REASONS)[number];
export const PHASES = ['applicant', 'verification', 'review'] as const;
type Phase = (typeof PHASES)[number];

export interface RegistrationFacts {
  createdAt: Date;
  status: string;
  /** Why the process last returned the applicant to step 3 (or to a new code); cleared by a new submission. */
  returnReason: string | null;
  submittedAt: Date | null;
  verifiedAt: Date | null;
  reviewStartedAt: Date | null;
  decidedAt: Date | null;
}

export interface PeriodFigures {
  period: string;
  started: number;
  successful: number;
  unsuccessful: Record<UnsuccessfulReason, number>;
  open: number;
  /** Median seconds per phase; null where no registration of the period completed the phase. */
  medianSeconds: Record<Phase, number | null>;
}

/** Each phase's durations in milliseconds as a mergeable digest (domain/monitor/duration-digest.ts). */
export type PhaseDigests = Record<Phase, DurationDigest>;

/** A Tehran day's figures as the roll-up stores them once none of its registrations is open. */
export interface RolledDay {
  day: string;
  started: number;
  successful: number;
  unsuccessful: Record<UnsuccessfulReason, number>;
  digests: Record<Phase, PackedDigest>;
}

/**
 * A period's figures from its rolled-up days and the exact figures of its other days (with their digests): counts
 * add, and each median is read from the merged digests, within 1 % of the exact median (interpolatedQuantile), to the
 * millisecond. A period without rolled-up days keeps its exact figures.
 */
export function withRolledDays(
  live: PeriodFigures,
  liveDigests: PhaseDigests | undefined,
  rolled: RolledDay[],
): PeriodFigures {
  if (!rolled.length) return live;
  const unsuccessful = { ...live.unsuccessful };
  let [started, successful] = [live.started, live.successful];
  const sums = Object.fromEntries(PHASES.map((p) => [p, addDigest([], liveDigests?.[p] ?? {})])) as Record<
    Phase,
    DigestSums
  >;
  for (const d of rolled) {
    started += d.started;
    successful += d.successful;
    for (const k of UNSUCCESSFUL_REASONS) unsuccessful[k] += d.unsuccessful[k];
    for (const p of PHASES) addPacked(sums[p], d.digests[p]);
  }
  const medianSeconds = Object.fromEntries(
    PHASES.map((p) => {
      const ms = interpolatedQuantileOfSums(sums[p], 0.5);
      return [p, ms === null ? null : Math.round(ms) / 1000];
    }),
  ) as Record<Phase, number | null>;
  // A rolled-up day has no open registration: what is open is in the live part.
  return { period: live.period, started, successful, unsuccessful, open: live.open, medianSeconds };
}

export const RETURN_REASON_PREFIXES: [string, UnsuccessfulReason][] = [
  ['captcha_', 'captcha'],
  ['civil_registry_', 'civil_registry'],
  ['shahkar_', 'shahkar'],
  ['otp_', 'otp'],
];

/**
 * A rejected request counts as `rejected`. An applicant who let the time run out counts under the
 * reason the process last sent them back for (a captcha loop that then expired is `captcha`),
 * and as `expired` only when nothing had sent them back.
 */
export function unsuccessfulReason(r: Pick<RegistrationFacts, 'status' | 'returnReason'>): UnsuccessfulReason | null {
  if (r.status === 'rejected') return 'rejected';
  if (r.status !== 'expired') return null;
  return RETURN_REASON_PREFIXES.find(([prefix]) => r.returnReason?.startsWith(prefix))?.[1] ?? 'expired';
}

/**
 * The one figure a registration counts under; the figures and the instance lists behind them, counted in PostgreSQL,
 * take it by the same rules (db/registration-figures-repo.ts's OUTCOME_SQL).
 */
export type RegistrationOutcome = 'successful' | 'open' | UnsuccessfulReason;
export const REGISTRATION_OUTCOMES: readonly RegistrationOutcome[] = ['successful', 'open', ...UNSUCCESSFUL_REASONS];

function registrationOutcome(r: Pick<RegistrationFacts, 'status' | 'returnReason'>): RegistrationOutcome {
  return unsuccessfulReason(r) ?? (r.status === 'registered' ? 'successful' : 'open');
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const seconds = (from: Date | null, to: Date | null) =>
  from && to && to >= from ? (to.getTime() - from.getTime()) / 1000 : undefined;

function phaseSeconds(r: RegistrationFacts): Record<Phase, number | undefined> {
  return {
    applicant: seconds(r.createdAt, r.submittedAt),
    verification: seconds(r.submittedAt, r.verifiedAt),
    review: seconds(r.reviewStartedAt, r.decidedAt),
  };
}

export function figures(period: string, group: RegistrationFacts[]): PeriodFigures {
  const unsuccessful = Object.fromEntries(UNSUCCESSFUL_REASONS.map((k) => [k, 0])) as Record<
    UnsuccessfulReason,
    number
  >;
  let successful = 0;
  let open = 0;
  for (const r of group) {
    const outcome = registrationOutcome(r);
    if (outcome === 'successful') successful++;
    else if (outcome === 'open') open++;
    else unsuccessful[outcome]++;
  }
  const durations = group.map(phaseSeconds);
  const medianSeconds = Object.fromEntries(
    PHASES.map((p) => [p, median(durations.map((d) => d[p]).filter((s): s is number => s !== undefined))]),
  ) as Record<Phase, number | null>;
  return { period, started: group.length, successful, unsuccessful, open, medianSeconds };
}
