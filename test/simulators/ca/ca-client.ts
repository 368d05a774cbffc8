import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCaSimulator } from '../../../simulators/ca/server.js';
import { CA_FILES } from '../../../simulators/ca/ca-material.js';
import { listen } from '../shared/listen.js';

export type IssueOptions = {
  kind?: string;
  commonName?: string;
  organization?: string;
  agencyNationalId?: string;
  role?: string;
  notBefore?: string;
  notAfter?: string;
  keyUsage?: 'signing' | 'encipherment';
  issuer?: 'trusted' | 'untrusted';
};
export type IssuedCert = {
  serialNumber: string;
  certificatePem: string;
  chainPem: string;
  privateKeyPem: string;
  fingerprintSha256: string;
};

/** A client of a CA simulator's /__sim routes, as the tests drive it. */
export function caClient(url: string, dir: string) {
  const post = async <T>(p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${p}`, {
      method: 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    url,
    rootFile: path.join(dir, CA_FILES.rootCert),
    intermediateFile: path.join(dir, CA_FILES.intermediateCert),
    /** A government organizational seal of the agency, role MANAGER, unless told otherwise. */
    issue: (o: IssueOptions = {}) =>
      post<IssuedCert>('/__sim/certificates', {
        kind: 'seal-government',
        commonName: o.organization ?? 'سازمان نمونه',
        organization: 'سازمان نمونه',
        agencyNationalId: '14000000001',
        role: 'MANAGER',
        ...o,
      }),
    revoke: (serialNumber: string) => post<{ revokedAt: string }>(`/__sim/certificates/${serialNumber}/revoke`),
    letter: async (
      serialNumber: string,
      format: 'embedded' | 'detached',
      extra: { signingTime?: string; pdf?: Uint8Array; privateKeyPem?: string } = {},
    ) => {
      const r = await post<{ pdfBase64: string; signatureBase64: string | null }>('/__sim/letters', {
        serialNumber,
        format,
        signingTime: extra.signingTime,
        // A certificate issued from a token's CSR: the key is the token's (the test's), not the CA's.
        privateKeyPem: extra.privateKeyPem,
        pdfBase64: extra.pdf ? Buffer.from(extra.pdf).toString('base64') : undefined,
      });
      return {
        pdf: Buffer.from(r.pdfBase64, 'base64'),
        signature: r.signatureBase64 ? Buffer.from(r.signatureBase64, 'base64') : null,
      };
    },
    /** A CMS over `data` by the certificate's key: detached unless `attached`, signed now unless `signingTime`. */
    sign: async (serialNumber: string, data: Uint8Array, extra: { attached?: boolean; signingTime?: string } = {}) =>
      Buffer.from(
        (
          await post<{ cmsBase64: string }>('/__sim/sign', {
            serialNumber,
            dataBase64: Buffer.from(data).toString('base64'),
            ...extra,
          })
        ).cmsBase64,
        'base64',
      ),
    crlFault: (mode: 'error' | 'timeout', count?: number) => post('/__sim/faults', { service: 'crl', mode, count }),
    clearFaults: () => fetch(`${url}/__sim/faults`, { method: 'DELETE' }),
    crlValidity: (seconds: number) => post('/__sim/settings', { crlValiditySeconds: seconds }),
  };
}

export type CaClient = ReturnType<typeof caClient>;

/** A CA simulator on a random port; `dir` defaults to a fresh folder, so the root is new too. */
export async function startCaSimulator(dir?: string, opts: { now?: () => Date } = {}) {
  const caDir = dir ?? path.join(await mkdtemp(path.join(tmpdir(), 'payam-ca-')), 'ca');
  const app = await buildCaSimulator({ dir: caDir, now: opts.now });
  const url = await listen(app);
  return { app, dir: caDir, client: caClient(url, caDir) };
}

/** One byte changed where a viewer would show it: the page's height 842 becomes 843. */
export function resizePage(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('842 ]');
  if (at < 0) throw new Error('page size not found');
  copy[at + 2] = '3'.charCodeAt(0);
  return copy;
}
