import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('the RA interface needs its token', async () => {
    const body = {
      kind: 'seal-government',
      commonName: 'x',
      organization: 'x',
      agencyNationalId: '14000000001',
      role: 'MANAGER',
    };
    expect((await sim.app.inject({ method: 'POST', url: '/ra/certificates', payload: body })).statusCode).toBe(401);
    const ok = await sim.app.inject({
      method: 'POST',
      url: '/ra/certificates',
      payload: body,
      headers: { authorization: 'Bearer sim-ra-token' },
    });
    expect(ok.statusCode).toBe(201);
  });
});
