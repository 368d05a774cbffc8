import { describe, expect, it } from 'vitest';
import { figures, median, unsuccessfulReason, type RegistrationFacts } from '../../domain/registration-figures.js';

const base: RegistrationFacts = {
  createdAt: new Date('2023-03-20T06:00:00Z'),
  status: 'applicant-data',
  returnReason: null,
  submittedAt: null,
  verifiedAt: null,
  reviewStartedAt: null,
  decidedAt: null,
};
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

describe('why a registration ended unsuccessful', () => {
  it.each([
    ['rejected', 'letter_unsigned', 'rejected'],
    ['expired', 'captcha_invalid', 'captcha'],
    ['expired', 'captcha_expired', 'captcha'],
    ['expired', 'civil_registry_mismatch', 'civil_registry'],
    ['expired', 'civil_registry_deceased', 'civil_registry'],
    ['expired', 'shahkar_mismatch', 'shahkar'],
    ['expired', 'otp_exhausted', 'otp'],
    ['expired', 'otp_invalid', 'otp'],
    ['expired', null, 'expired'],
    ['registered', null, null],
    ['under-review', 'captcha_invalid', null],
  ])('given status %s with return reason %s, then %s', (status, returnReason, expected) => {
    expect(unsuccessfulReason({ status, returnReason })).toBe(expected);
  });
});

describe('median', () => {
  it('given odd, even and no values, then the middle, the mean of the two middles, and null', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});

describe('figures of one period', () => {
  it('given a mix, then started = successful + unsuccessful + open, and phase medians in seconds', () => {
    const c = base.createdAt;
    const rows: RegistrationFacts[] = [
      {
        ...base,
        status: 'registered',
        submittedAt: plus(c, 10),
        verifiedAt: plus(c, 12),
        reviewStartedAt: plus(c, 12),
        decidedAt: plus(c, 72),
      },
      {
        ...base,
        status: 'rejected',
        submittedAt: plus(c, 20),
        verifiedAt: plus(c, 26),
        reviewStartedAt: plus(c, 26),
        decidedAt: plus(c, 146),
      },
      { ...base, status: 'expired', returnReason: 'captcha_invalid', submittedAt: plus(c, 30) },
      { ...base, status: 'otp' },
    ];
    const f = figures('1401/12/29', rows);
    expect(f).toEqual({
      period: '1401/12/29',
      started: 4,
      successful: 1,
      open: 1,
      unsuccessful: { captcha: 1, civil_registry: 0, shahkar: 0, otp: 0, rejected: 1, expired: 0 },
      medianSeconds: { applicant: 20 * 60, verification: 4 * 60, review: 90 * 60 },
    });
  });
});
