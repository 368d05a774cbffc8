import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkCmsSignature } from '../adapters/certificates/check-signature.js';
import { createCrlCache } from '../adapters/certificates/crl-cache.js';
import { extractPdfSignature } from '../adapters/certificates/pdf-signature.js';
import { loadTrustAnchors } from '../adapters/certificates/trust-anchors.js';
import { CA_FILES } from '../simulators/ca/ca-material.js';
import { buildCaSimulator } from '../simulators/ca/server.js';

/**
 * `npm run bench:signature`: how long the letter check takes on this machine, for a PDF with an
 * embedded signature and for a detached .p7s: with the CRL cached, and with a CRL fetched each time.
 */
const dir = path.join(await mkdtemp(path.join(tmpdir(), 'payam-ca-bench-')), 'ca');
const app = await buildCaSimulator({ dir });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const post = async (p: string, body: unknown) =>
  (
    await fetch(`${base}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json();
const cert = (await post('/__sim/certificates', {
  kind: 'seal-government',
  commonName: 'x',
  organization: 'x',
  agencyNationalId: '14000000001',
  role: 'MANAGER',
})) as { serialNumber: string };
const anchors = await loadTrustAnchors(
  [path.join(dir, CA_FILES.rootCert)],
  [path.join(dir, CA_FILES.intermediateCert)],
);
const expect = { anchors, at: new Date(), kinds: ['seal-government'] as const, agencyNationalId: '14000000001' };

async function run(label: string, format: 'embedded' | 'detached', fresh: boolean, n = 200) {
  const letter = (await post('/__sim/letters', { serialNumber: cert.serialNumber, format })) as {
    pdfBase64: string;
    signatureBase64: string | null;
  };
  const pdf = Buffer.from(letter.pdfBase64, 'base64');
  const cached = createCrlCache({ timeoutMs: 2000 });
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const embedded = letter.signatureBase64 ? null : await extractPdfSignature(pdf);
    const [cms, data] = letter.signatureBase64
      ? [Buffer.from(letter.signatureBase64, 'base64'), pdf]
      : [(embedded as { cms: Uint8Array }).cms, (embedded as { signedBytes: Uint8Array }).signedBytes];
    const r = await checkCmsSignature(cms, data, {
      ...expect,
      crls: fresh ? createCrlCache({ timeoutMs: 2000 }) : cached,
    });
    if (r.outcome !== 'valid') throw new Error(r.outcome);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(`${label.padEnd(40)} n=${n}  p50 ${p(0.5)} ms  p99 ${p(0.99)} ms`);
}

await run('detached .p7s, CRL cached', 'detached', false);
await run('embedded in the PDF, CRL cached', 'embedded', false);
await run('detached .p7s, CRL fetched every time', 'detached', true);
await app.close();
