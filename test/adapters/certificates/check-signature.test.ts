import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCmsSignature } from '../../../adapters/certificates/check-signature.js';
import { createCrlCache, CrlUnavailableError } from '../../../adapters/certificates/crl-cache.js';
import { extractPdfSignature } from '../../../adapters/certificates/pdf-signature.js';
import { loadTrustAnchors, type TrustAnchors } from '../../../adapters/certificates/trust-anchors.js';
import { embedCms } from '../../../simulators/ca/sign-pdf.js';
import { resizePage, startCaSimulator, type CaClient } from '../../simulators/ca/ca-client.js';
import { movingClock } from '../../support/database.js';

/** Given the CA simulator's letters, the check finds what a relying party must find. */
describe('checking a signed letter against the CA', () => {
  let sim: Awaited<ReturnType<typeof startCaSimulator>>;
  let ca: CaClient;
  let anchors: TrustAnchors;
  // The CA's and the CRL cache's clock: a test moves it past a CRL's next update rather than waiting.
  const clock = movingClock();
  beforeAll(async () => {
    sim = await startCaSimulator(undefined, { now: clock.now });
    ca = sim.client;
    anchors = await loadTrustAnchors([ca.rootFile], [ca.intermediateFile]);
  });
  afterAll(() => sim.app.close());

  const check = async (
    pdf: Uint8Array,
    signature: Uint8Array | null,
    agencyNationalId = '14000000001',
    crls = createCrlCache({ timeoutMs: 1000 }),
  ) => {
    let cms = signature;
    let data: Uint8Array = pdf;
    if (!cms) {
      const embedded = await extractPdfSignature(pdf);
      if (!embedded || embedded === 'uncovered') throw new Error(`no covering signature: ${embedded}`);
      cms = embedded.cms;
      data = embedded.signedBytes;
    }
    return checkCmsSignature(cms, data, {
      anchors,
      crls,
      at: new Date(),
      kinds: ['seal-government'],
      agencyNationalId,
    });
  };

  it('a government seal of the agency, embedded in the PDF or detached: valid, with signer, organization, role and issuer', async () => {
    const cert = await ca.issue();
    for (const format of ['embedded', 'detached'] as const) {
      const { pdf, signature } = await ca.letter(cert.serialNumber, format);
      const r = await check(pdf, signature);
      expect(r.outcome).toBe('valid');
      expect(r.signer).toMatchObject({
        organization: 'سازمان نمونه',
        agencyNationalId: '14000000001',
        role: 'MANAGER',
        kind: 'seal-government',
        revocation: 'good',
      });
      expect(r.signer?.issuer).toContain('Payam Test Intermediate CA');
    }
  });

  it('bytes changed after signing: bad signature (embedded and detached)', async () => {
    const cert = await ca.issue();
    const embedded = await ca.letter(cert.serialNumber, 'embedded');
    expect((await check(resizePage(embedded.pdf), null)).outcome).toBe('bad_signature');
    const detached = await ca.letter(cert.serialNumber, 'detached');
    expect((await check(resizePage(detached.pdf), detached.signature)).outcome).toBe('bad_signature');
  });

  it('bytes appended after signing are not covered', async () => {
    const cert = await ca.issue();
    const { pdf } = await ca.letter(cert.serialNumber, 'embedded');
    expect(await extractPdfSignature(Buffer.concat([pdf, Buffer.from('\n% added later\n')]))).toBe('uncovered');
  });

  it('expired, revoked, key not for signing, an individual, another organization, another root', async () => {
    const expired = await ca.issue({ notBefore: '2020-01-01T00:00:00Z', notAfter: '2021-01-01T00:00:00Z' });
    const revoked = await ca.issue();
    await ca.revoke(revoked.serialNumber);
    const encipher = await ca.issue({ keyUsage: 'encipherment' });
    const individual = await ca.issue({ kind: 'individual-government', commonName: 'علی نمونه' });
    const other = await ca.issue({ agencyNationalId: '14000000002' });
    const rogue = await ca.issue({ issuer: 'untrusted' });
    const outcome = async (serial: string) => {
      const { pdf, signature } = await ca.letter(serial, 'detached');
      return (await check(pdf, signature)).outcome;
    };
    expect(await outcome(expired.serialNumber)).toBe('expired');
    expect(await outcome(revoked.serialNumber)).toBe('revoked');
    expect(await outcome(encipher.serialNumber)).toBe('key_usage');
    expect(await outcome(individual.serialNumber)).toBe('wrong_kind');
    expect(await outcome(other.serialNumber)).toBe('other_organization');
    expect(await outcome(rogue.serialNumber)).toBe('untrusted_chain');
  });

  it('a CRL that cannot be fetched throws, never valid; the cache serves until nextUpdate, then fetches the revocation', async () => {
    const cert = await ca.issue();
    const { pdf, signature } = await ca.letter(cert.serialNumber, 'detached');
    await ca.crlFault('error');
    await expect(check(pdf, signature)).rejects.toBeInstanceOf(CrlUnavailableError);
    await ca.clearFaults();
    await ca.crlValidity(60);
    const crls = createCrlCache({ timeoutMs: 1000, now: clock.now });
    expect((await check(pdf, signature, undefined, crls)).outcome).toBe('valid');
    await ca.revoke(cert.serialNumber);
    expect((await check(pdf, signature, undefined, crls)).outcome).toBe('valid');
    clock.advance(60_100);
    expect((await check(pdf, signature, undefined, crls)).outcome).toBe('revoked');
  });

  it("an attached CMS by the agency's seal over another document is no signature of the letter: beside it as a .p7s, or embedded in the PDF", async () => {
    const cert = await ca.issue();
    const { pdf } = await ca.letter(cert.serialNumber, 'detached');
    const otherDocument = Buffer.from('a contract the agency sealed and sent to a supplier');
    const sealedElsewhere = await ca.sign(cert.serialNumber, otherDocument, { attached: true });
    expect((await check(pdf, sealedElsewhere)).outcome).toBe('bad_signature');
    const forged = await embedCms(pdf, async () => sealedElsewhere);
    expect((await check(forged, null)).outcome).toBe('bad_signature');
  });

  it('an attached CMS whose content is the letter itself signs the same bytes a detached one would: valid', async () => {
    const cert = await ca.issue();
    const { pdf } = await ca.letter(cert.serialNumber, 'detached');
    const attached = await ca.sign(cert.serialNumber, pdf, { attached: true });
    expect((await check(pdf, attached)).outcome).toBe('valid');
    expect((await check(resizePage(pdf), attached)).outcome).toBe('bad_signature');
  });

  it('a certificate that expired an hour ago, signing with a back-dated signing time: expired, embedded or detached', async () => {
    const hour = 3600_000;
    const expired = await ca.issue({
      notBefore: new Date(Date.now() - 3 * hour).toISOString(),
      notAfter: new Date(Date.now() - hour).toISOString(),
    });
    for (const format of ['embedded', 'detached'] as const) {
      const { pdf, signature } = await ca.letter(expired.serialNumber, format, {
        signingTime: new Date(Date.now() - 2 * hour).toISOString(),
      });
      expect((await check(pdf, signature)).outcome).toBe('expired');
    }
  });
});
