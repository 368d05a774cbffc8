import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

/**
 * `npm run ca:letter -- --agency 14000000001 --organization "…" [--role MANAGER] [--kind seal-government]
 *  [--pdf in.pdf] [--detached] [--out letter.pdf]`: asks the running CA simulator (CA_SIM_URL) for a
 * certificate, signs the letter with it, and writes the signed PDF (and `.p7s`), the certificate and its key.
 */
const { values } = parseArgs({
  options: {
    agency: { type: 'string' },
    organization: { type: 'string' },
    role: { type: 'string', default: 'MANAGER' },
    kind: { type: 'string', default: 'seal-government' },
    pdf: { type: 'string' },
    detached: { type: 'boolean', default: false },
    out: { type: 'string', default: 'signed-letter.pdf' },
    serial: { type: 'string' },
  },
});
const base = (process.env.CA_SIM_URL || 'http://127.0.0.1:3300').replace(/\/$/, '');

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

if (!values.serial && (!values.agency || !values.organization)) {
  console.error(
    'usage: npm run ca:letter -- --agency <11-digit national id> --organization <name> [--role MANAGER] [--kind seal-government] [--pdf in.pdf] [--detached] [--out letter.pdf] | --serial <hex> to reuse a certificate',
  );
  process.exit(2);
}
let serial = values.serial;
if (!serial) {
  const cert = await post<{ serialNumber: string; certificatePem: string; chainPem: string; privateKeyPem: string }>(
    '/__sim/certificates',
    {
      kind: values.kind,
      commonName: values.organization,
      organization: values.organization,
      agencyNationalId: values.agency,
      role: values.role,
    },
  );
  serial = cert.serialNumber;
  await writeFile(`${values.out}.crt.pem`, `${cert.certificatePem}\n${cert.chainPem}\n`);
  await writeFile(`${values.out}.key.pem`, cert.privateKeyPem, { mode: 0o600 });
  console.log(`certificate ${serial} (${values.kind}) → ${values.out}.crt.pem, key → ${values.out}.key.pem`);
}
const pdfBase64 = values.pdf ? (await readFile(values.pdf)).toString('base64') : undefined;
const signed = await post<{ pdfBase64: string; signatureBase64: string | null }>('/__sim/letters', {
  serialNumber: serial,
  format: values.detached ? 'detached' : 'embedded',
  pdfBase64,
});
await writeFile(values.out, Buffer.from(signed.pdfBase64, 'base64'));
if (signed.signatureBase64) await writeFile(`${values.out}.p7s`, Buffer.from(signed.signatureBase64, 'base64'));
console.log(`signed letter → ${values.out}${signed.signatureBase64 ? ` and ${values.out}.p7s` : ''}`);
