import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CA_DIR } from '../../simulators/ca/server.js';
import { embedCms } from '../../simulators/ca/sign-pdf.js';
import { engineRecords } from '../support/engine-records.js';
import { useEngineStack } from '../support/lifecycle.js';
import { caClient, resizePage, type CaClient, type IssueOptions } from '../simulators/ca/ca-client.js';

// A Cockpit retry wakes no long poll: the worker sees the task at its next poll, so polls are short here.
const ctx = useEngineStack({ JOB_RETRY_BACKOFF_MS: '300', ENGINE_LONG_POLL_MS: '2000' });
let ca: CaClient;
beforeAll(async () => {
  ca = caClient(ctx.stack.caUrl, DEFAULT_CA_DIR);
  // CRLs two seconds long, so each test sees the revocations made before it (the worker caches until nextUpdate).
  await ca.crlValidity(2);
});

/** Given a registration at step 3 whose letter is signed (embedded, or detached beside it) by a certificate issued with `options`. */
async function signedRegistration(
  options: IssueOptions = {},
  format: 'embedded' | 'detached' = 'embedded',
  tamper = false,
) {
  const r = await ctx.applicant.begin();
  const cert = await ca.issue({ agencyNationalId: r.applicant.agencyNationalId, ...options });
  const { pdf, signature } = await ca.letter(cert.serialNumber, format);
  await ctx.stack.registrations.saveLetter(r.id, tamper ? resizePage(pdf) : pdf, 'letter.pdf');
  if (signature) await ctx.stack.registrations.saveLetterSignature(r.id, signature);
  return { ...r, cert };
}

const lastCheck = (id: string) =>
  ctx.stack.db('letter_signature_checks').where({ registration_id: id }).orderBy('id', 'desc').first();

async function refusedWith(id: string, code: string) {
  await ctx.applicant.submit(id);
  const view = await ctx.stack.eventually(
    () => ctx.stack.view(id),
    (v) => v.step === 'applicant-data' && v.messages.some((m) => m.id === code),
  );
  return view.messages.find((m) => m.id === code)!;
}

describe('card step 3-2: the signed introduction letter is checked before the inquiries and the review', () => {
  it("a letter signed with the agency's government seal goes on; the check keeps signer, organization, role, issuer, validity and revocation", async () => {
    for (const format of ['embedded', 'detached'] as const) {
      const { id, applicant } = await signedRegistration({}, format);
      await ctx.applicant.submit(id);
      await ctx.applicant.step(id, 'otp');
      expect(await lastCheck(id)).toMatchObject({
        outcome: 'valid',
        format,
        organization: 'سازمان نمونه',
        agency_national_id: applicant.agencyNationalId,
        role: 'MANAGER',
        kind: 'seal-government',
        revocation: 'good',
      });
    }
  });

  it('a scan (not signed) goes on to the inquiries, marked not signed', async () => {
    const { id } = await ctx.applicant.begin();
    await ctx.applicant.submit(id);
    await ctx.applicant.step(id, 'otp');
    expect(await lastCheck(id)).toMatchObject({ outcome: 'not_signed', format: null, signer: null });
  });

  it('bytes changed after signing: back to step 3 with a Persian message', async () => {
    const { id } = await signedRegistration({}, 'detached', true);
    const message = await refusedWith(id, 'letter_bad_signature');
    expect(message.text.fa).toContain('امضای الکترونیکی نامه معرفی معتبر نیست');
  });

  it('a revoked certificate: back to step 3', async () => {
    const { id, cert } = await signedRegistration();
    await ca.revoke(cert.serialNumber);
    ctx.stack.clock.advance(2100);
    expect((await refusedWith(id, 'letter_revoked')).text.fa).toContain('باطل شده');
    expect(await lastCheck(id)).toMatchObject({ outcome: 'revoked', revocation: 'revoked' });
  });

  it("an expired certificate, an individual's certificate, another agency's seal, a chain to another root: each back to step 3 with its reason", async () => {
    const cases: [IssueOptions, string][] = [
      [{ notBefore: '2020-01-01T00:00:00Z', notAfter: '2021-01-01T00:00:00Z' }, 'letter_expired'],
      [{ kind: 'individual-government', commonName: 'علی نمونه' }, 'letter_wrong_kind'],
      [{ agencyNationalId: '10101010101' }, 'letter_other_organization'],
      [{ issuer: 'untrusted' }, 'letter_untrusted_chain'],
    ];
    for (const [options, code] of cases) {
      const { id } = await signedRegistration(options);
      await refusedWith(id, code);
    }
  });

  it("an attached CMS the agency's seal made over another document: refused as the letter's .p7s and as its embedded signature; one over the letter itself goes on", async () => {
    const attachedOver = async (content: Uint8Array | null) => {
      const r = await ctx.applicant.begin();
      const cert = await ca.issue({ agencyNationalId: r.applicant.agencyNationalId });
      const { pdf } = await ca.letter(cert.serialNumber, 'detached');
      // What anyone the agency ever sent a sealed .p7m holds: a valid CMS by its seal, over other bytes.
      const cms = await ca.sign(cert.serialNumber, content ?? pdf, { attached: true });
      return { ...r, pdf, cms };
    };
    const other = Buffer.from('a contract the agency sealed and sent to a supplier');

    const besideIt = await attachedOver(other);
    await ctx.stack.registrations.saveLetter(besideIt.id, besideIt.pdf, 'letter.pdf');
    await ctx.stack.registrations.saveLetterSignature(besideIt.id, besideIt.cms);
    expect((await refusedWith(besideIt.id, 'letter_bad_signature')).text.fa).toContain(
      'امضای الکترونیکی نامه معرفی معتبر نیست',
    );
    expect(await lastCheck(besideIt.id)).toMatchObject({ outcome: 'bad_signature', format: 'detached' });

    const embedded = await attachedOver(other);
    const forged = Buffer.from(await embedCms(embedded.pdf, async () => embedded.cms));
    await ctx.stack.registrations.saveLetter(embedded.id, forged, 'letter.pdf');
    await refusedWith(embedded.id, 'letter_bad_signature');
    expect(await lastCheck(embedded.id)).toMatchObject({ outcome: 'bad_signature', format: 'embedded' });

    const overTheLetter = await attachedOver(null);
    await ctx.stack.registrations.saveLetter(overTheLetter.id, overTheLetter.pdf, 'letter.pdf');
    await ctx.stack.registrations.saveLetterSignature(overTheLetter.id, overTheLetter.cms);
    await ctx.applicant.submit(overTheLetter.id);
    await ctx.applicant.step(overTheLetter.id, 'otp');
    expect(await lastCheck(overTheLetter.id)).toMatchObject({ outcome: 'valid', format: 'detached' });
  });

  it('a certificate expired an hour ago, its signing time back-dated into its validity, for a letter received now: back to step 3, expired', async () => {
    const hour = 3600_000;
    for (const format of ['embedded', 'detached'] as const) {
      const r = await ctx.applicant.begin();
      const cert = await ca.issue({
        agencyNationalId: r.applicant.agencyNationalId,
        notBefore: new Date(Date.now() - 3 * hour).toISOString(),
        notAfter: new Date(Date.now() - hour).toISOString(),
      });
      const { pdf, signature } = await ca.letter(cert.serialNumber, format, {
        signingTime: new Date(Date.now() - 2 * hour).toISOString(),
      });
      await ctx.stack.registrations.saveLetter(r.id, pdf, 'letter.pdf');
      if (signature) await ctx.stack.registrations.saveLetterSignature(r.id, signature);
      expect((await refusedWith(r.id, 'letter_expired')).text.fa).toContain('در زمان دریافت نامه امضاشده معتبر نبوده');
      expect(await lastCheck(r.id)).toMatchObject({ outcome: 'expired', format });
    }
  });

  it('judged at receipt: a letter and .p7s received while the certificate was valid go on though it expires before the check; a .p7s received after it expired does not', async () => {
    const [a, b] = [await ctx.applicant.begin(), await ctx.applicant.begin()];
    const notAfter = new Date(Date.now() + 5000);
    const received = async (r: typeof a) => {
      const cert = await ca.issue({ agencyNationalId: r.applicant.agencyNationalId, notAfter: notAfter.toISOString() });
      const { pdf, signature } = await ca.letter(cert.serialNumber, 'detached');
      await ctx.stack.registrations.saveLetter(r.id, pdf, 'letter.pdf');
      return { id: r.id, signature: signature! };
    };
    const inTime = await received(a);
    await ctx.stack.registrations.saveLetterSignature(inTime.id, inTime.signature);
    const late = await received(b);
    await sleep(notAfter.getTime() - Date.now() + 1000);
    await ctx.stack.registrations.saveLetterSignature(late.id, late.signature);

    await ctx.applicant.submit(inTime.id);
    await ctx.applicant.step(inTime.id, 'otp');
    expect(await lastCheck(inTime.id)).toMatchObject({ outcome: 'valid', format: 'detached' });
    await refusedWith(late.id, 'letter_expired');
  });

  it('the CRL unreachable: retries, then an incident naming it (never valid); once it is back, a retry as Cockpit does it goes on', async () => {
    const { id } = await signedRegistration();
    ctx.stack.clock.advance(2100);
    await ca.crlFault('error');
    await ctx.applicant.submit(id);

    const [incident] = await ctx.stack.eventually(
      () => engineRecords(ctx.stack.engine).incidents(id),
      (i) => i.length > 0,
      40_000,
    );
    expect(incident).toMatchObject({ activityId: 'Task_CheckLetterSignature', incidentType: 'failedExternalTask' });
    expect(incident!.incidentMessage).toMatch(/^CRL_UNREACHABLE: /);
    expect(await lastCheck(id)).toBeUndefined();

    await ca.clearFaults();
    await ctx.stack.engine.setExternalTaskRetries(incident!.configuration!, 1);
    await ctx.applicant.step(id, 'otp');
    expect(await lastCheck(id)).toMatchObject({ outcome: 'valid' });
  });
});
