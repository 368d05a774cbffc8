import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RA_SIGNATURE_HEADER } from '../../../adapters/ca/ra-client.js';
import { createRaSigner } from '../../../adapters/ca/ra-signer.js';
import { RA_OFFICE_FILES } from '../../../simulators/ca/ca-material.js';
import { x509 } from '../../../simulators/ca/pki.js';
import { buildCaSimulator } from '../../../simulators/ca/server.js';
import { startCaSimulator } from './ca-client.js';

describe('CA simulator', () => {
  let sim: Awaited<ReturnType<typeof startCaSimulator>>;
  beforeAll(async () => {
    sim = await startCaSimulator();
  });
  afterAll(() => sim.app.close());

  const crl = async () => {
    const res = await fetch(`${sim.client.url}/crl/trusted.crl`);
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      crl: res.ok ? new x509.X509Crl(new Uint8Array(await res.arrayBuffer())) : null,
    };
  };

  it('keeps its root and intermediate: a second start on the same folder has the same ones', async () => {
    const again = await buildCaSimulator({ dir: sim.dir });
    const [first, second] = await Promise.all([sim.app.inject('/ca/root.crt'), again.inject('/ca/root.crt')]);
    expect(second.body).toBe(first.body);
    expect(first.body).toContain('BEGIN CERTIFICATE');
    await again.close();
  });

  it('issues a government seal with the organization, its id and the role in the subject, pointing at its CRL', async () => {
    const issued = await sim.client.issue({
      organization: 'وزارت آزمایش',
      agencyNationalId: '14000000009',
      role: 'MANAGER',
    });
    const cert = new x509.X509Certificate(issued.certificatePem);
    expect(cert.subject).toContain('O=وزارت آزمایش');
    expect(cert.subject).toContain('2.5.4.97=NTRIR-14000000009');
    expect(cert.subject).toContain('T=MANAGER');
    expect(
      cert.getExtension(x509.CRLDistributionPointsExtension)?.distributionPoints[0]?.distributionPoint?.fullName?.[0]
        ?.uniformResourceIdentifier,
    ).toBe(`${sim.client.url}/crl/trusted.crl`);
    expect(issued.privateKeyPem).toContain('BEGIN PRIVATE KEY');
  });

  it('publishes its CRL over HTTP with a nextUpdate; a revocation is in the next one', async () => {
    const issued = await sim.client.issue();
    const before = await crl();
    expect(before.type).toBe('application/pkix-crl');
    expect(before.crl!.nextUpdate!.getTime()).toBeGreaterThan(Date.now());
    expect(before.crl!.findRevoked(issued.serialNumber)).toBeNull();
    await sim.client.revoke(issued.serialNumber);
    expect((await crl()).crl!.findRevoked(issued.serialNumber)).not.toBeNull();
  });

  it('a CRL fault answers 503 for its count, then the CRL is back', async () => {
    await sim.client.crlFault('error', 1);
    expect((await crl()).status).toBe(503);
    expect((await crl()).status).toBe(200);
  });

  const raBody = {
    kind: 'seal-government',
    commonName: 'x',
    organization: 'x',
    agencyNationalId: '14000000001',
    role: 'MANAGER',
  };
  const office = () =>
    createRaSigner({
      certificate: path.join(sim.dir, RA_OFFICE_FILES.dir, RA_OFFICE_FILES.cert),
      key: path.join(sim.dir, RA_OFFICE_FILES.dir, RA_OFFICE_FILES.key),
    });
  const postRa = (payload: string, signature?: string, token = 'sim-ra-token') =>
    sim.app.inject({
      method: 'POST',
      url: '/ra/certificates',
      payload,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(signature ? { [RA_SIGNATURE_HEADER]: signature } : {}),
      },
    });

  it("the RA interface needs its token, and every request signed with the office's certificate", async () => {
    const payload = JSON.stringify(raBody);
    const signature = await office().sign(Buffer.from(payload));
    expect((await postRa(payload, signature, 'wrong')).statusCode).toBe(401);
    const ok = await postRa(payload, signature);
    expect(ok.statusCode).toBe(201);
  });

  it('refuses an unsigned request, one whose body was changed after signing, and one signed by a certificate that is not a registration office', async () => {
    const payload = JSON.stringify(raBody);
    const unsigned = await postRa(payload);
    expect([unsigned.statusCode, unsigned.json()]).toEqual([403, { error: 'unsigned' }]);

    const signature = await office().sign(Buffer.from(payload));
    const changed = await postRa(JSON.stringify({ ...raBody, role: 'DEPUTY' }), signature);
    expect([changed.statusCode, changed.json()]).toEqual([403, { error: 'signature_invalid' }]);

    // An applicant's seal from the same CA: a valid signature, by a certificate without the office's policy.
    const seal = await sim.client.issue();
    const dir = await mkdtemp(path.join(tmpdir(), 'not-an-office-'));
    await writeFile(path.join(dir, 'c.pem'), seal.certificatePem);
    await writeFile(path.join(dir, 'k.pem'), seal.privateKeyPem);
    const byApplicant = await createRaSigner({
      certificate: path.join(dir, 'c.pem'),
      key: path.join(dir, 'k.pem'),
    }).sign(Buffer.from(payload));
    const refused = await postRa(payload, byApplicant);
    expect([refused.statusCode, refused.json()]).toEqual([403, { error: 'not_a_registration_office' }]);
    expect((await postRa(payload, 'bm90IGEgQ01T')).statusCode).toBe(403);
  });
});
