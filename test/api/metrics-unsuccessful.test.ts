import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMetricsServer } from '../../adapters/metrics/metrics-server.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { citizenOf } from '../support/citizen.js';

// The applicant's time limits shortened, as an operator could set them, so registrations run out within seconds.
const ctx = useApiOnStack({ APPLICANT_TIMEOUT: 'PT8S', OTP_TIMEOUT: 'PT4S' });
let server: Awaited<ReturnType<typeof startMetricsServer>>;
beforeAll(async () => {
  server = await startMetricsServer(ctx.app.metricsRegistry, '127.0.0.1', 0, { defaults: false });
});
afterAll(() => server?.close());

const REASONS = ['captcha', 'civil_registry', 'shahkar', 'otp', 'rejected', 'expired'];

/** payam_registrations_unsuccessful by reason, as Prometheus would read it off the API's metrics port. */
async function unsuccessful() {
  const text = await (await fetch(server.url)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^payam_registrations_unsuccessful\{reason="([^"]+)"\} (\S+)$/gm))
    out[m[1]!] = Number(m[2]);
  return out;
}

describe('unsuccessful registrations by reason, on the API’s metrics port', () => {
  it('each way a registration ends unsuccessful counts once under its reason', async () => {
    // Given the figures before (the test database is shared with other test files; this file's are what is added)
    const before = await unsuccessful();
    expect(Object.keys(before).sort()).toEqual([...REASONS].sort());
    const { applicant, stack } = ctx;

    // When one applicant never fills the form in; one types the captcha wrong; one is unknown to the civil
    // registry; one's mobile is not theirs at Shahkar; one types a wrong code — each then lets the time run out —
    // and a reviewer rejects one
    const lapsed = async () => (await stack.registrations.start()).id;
    const wrongCaptcha = async () => {
      const { id } = await applicant.begin();
      await applicant.submit(id, { captchaRight: false });
      return id;
    };
    const unknownPerson = async () => {
      const { id } = await applicant.begin({ known: false });
      await applicant.submit(id);
      return id;
    };
    const notTheirMobile = async () => {
      const { id, applicant: person } = await applicant.begin({ known: false });
      await stack.sim.addCitizen(citizenOf(person));
      await applicant.submit(id);
      return id;
    };
    const wrongCode = async () => {
      const { id, applicant: person } = await applicant.begin();
      await applicant.submit(id);
      await applicant.step(id, 'otp');
      const code = await applicant.latestCode(person.mobile, 1);
      await stack.steps.enterOtp(id, code === '000000' ? '111111' : '000000');
      return id;
    };
    const rejectedByReviewer = async () => {
      const { id } = await applicant.untilReview();
      await applicant.decide(id, { decision: 'reject', rejectionReason: 'agency_not_eligible' });
      return id;
    };
    const ids = await Promise.all([lapsed(), wrongCaptcha(), unknownPerson(), notTheirMobile(), wrongCode()]);
    ids.push(await rejectedByReviewer());
    const ended = ids.map((id) =>
      stack.eventually(
        () => stack.view(id),
        (v) => ['expired', 'rejected'].includes(v.step),
        60_000,
      ),
    );
    await Promise.all(ended);

    // Then each reason counts exactly one more
    const after = await unsuccessful();
    expect(Object.fromEntries(REASONS.map((r) => [r, after[r]! - before[r]!]))).toEqual({
      captcha: 1,
      civil_registry: 1,
      shahkar: 1,
      otp: 1,
      rejected: 1,
      expired: 1,
    });
  });
});
