import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CA_DIR } from '../../simulators/ca/server.js';
import { caClient, type CaClient } from '../simulators/ca/ca-client.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { staffToken, withToken } from '../support/staff.js';

const ctx = useApiOnStack();
let reviewer: string;
let ca: CaClient;

beforeAll(async () => {
  reviewer = await staffToken(ctx.app, ctx.stack.db, 'reviewer');
  ca = caClient(ctx.stack.caUrl, DEFAULT_CA_DIR);
});

/** Given a registration whose letter is replaced by the one `sign` makes for its agency (with its `.p7s`), driven to review. */
async function toReview(sign?: (agencyNationalId: string) => Promise<{ pdf: Buffer; signature: Buffer | null }>) {
  const r = await ctx.applicant.begin();
  const signed = sign ? await sign(r.applicant.agencyNationalId) : null;
  if (signed) await ctx.stack.registrations.saveLetter(r.id, signed.pdf, 'letter.pdf');
  if (signed?.signature) await ctx.stack.registrations.saveLetterSignature(r.id, signed.signature);
  await ctx.applicant.submit(r.id);
  await ctx.applicant.step(r.id, 'otp');
  await ctx.stack.steps.enterOtp(r.id, await ctx.applicant.latestCode(r.applicant.mobile));
  await ctx.applicant.step(r.id, 'under-review');
  return r;
}

const detail = async (id: string) =>
  (await ctx.app.inject({ url: `/api/reviews/${id}`, ...withToken(reviewer) })).json();

describe("the reviewer sees the letter's signature (card step 3-2)", () => {
  it('a signed letter: signer, organization, role, issuer, validity and revocation status', async () => {
    const r0 = await toReview(async (agencyNationalId) => {
      const cert = await ca.issue({ agencyNationalId, organization: 'وزارت آزمایش', commonName: 'وزارت آزمایش' });
      return ca.letter(cert.serialNumber, 'detached');
    });

    const d = await detail(r0.id);
    expect(d.letterSignature).toMatchObject({
      outcome: 'valid',
      format: 'detached',
      signer: 'وزارت آزمایش',
      organization: 'وزارت آزمایش',
      agencyNationalId: r0.applicant.agencyNationalId,
      role: 'MANAGER',
      kind: 'seal-government',
      revocation: 'good',
    });
    expect(d.letterSignature.issuer).toContain('Payam Test Intermediate CA');
  });

  it('a scan: marked not signed', async () => {
    const { id } = await toReview();
    expect((await detail(id)).letterSignature).toMatchObject({ outcome: 'not_signed', signer: null });
  });

  it('a signature file that is not a CMS is refused at upload with a Persian message', async () => {
    const r = await ctx.applicant.begin();
    const form = new FormData();
    form.append('signature', new Blob([Buffer.from('not a signature')]), 'letter.p7s');
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/registrations/${r.id}/letter-signature`,
      headers: { authorization: `Bearer ${r.token}` },
      payload: form as unknown as string,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ id: 'letter_signature_type' });
    expect(res.json().error.text.fa).toContain('p7s');
  });
});
