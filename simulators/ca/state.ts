import { createFaultSwitch } from '../shared/fault-switch.js';
import {
  createHierarchy,
  loadOrCreateCa,
  loadOrCreateRaOffice,
  type Authority,
  type CaMaterial,
} from './ca-material.js';
import { createCrl, issueCertificate, type CertificateRequest, type IssuedCertificate } from './issue-certificate.js';

/** `trusted`: the intermediate the services trust; `untrusted`: one of the same name under another root (broken chain). */
export type IssuerName = 'trusted' | 'untrusted';
export type CaService = 'crl' | 'ra';

export interface Issued extends IssuedCertificate {
  issuer: IssuerName;
  kind: CertificateRequest['kind'];
  revokedAt: Date | null;
  revocationReason?: number;
}

/** An hour: a CA publishes daily or more often; tests shorten it to see a revocation at once. */
const DEFAULT_CRL_VALIDITY_SECONDS = 3600;

/** `now` is the CA's clock: its CRLs' this and next update, and a revocation's date (tests move it instead of waiting). */
export async function createCaState(dir: string, now: () => Date = () => new Date()) {
  const trusted = await loadOrCreateCa(dir);
  const raOffice = await loadOrCreateRaOffice(dir, trusted.intermediate);
  let untrusted: CaMaterial | undefined;
  const issued = new Map<string, Issued>();
  const faults = createFaultSwitch<CaService>();
  let crlValiditySeconds = DEFAULT_CRL_VALIDITY_SECONDS;
  let crlNumber = 0;

  async function authority(issuer: IssuerName): Promise<Authority> {
    if (issuer === 'trusted') return trusted.intermediate;
    untrusted ??= await createHierarchy();
    return untrusted.intermediate;
  }

  return {
    trusted,
    raOffice,
    issued,
    faults,
    async chainOf(issuer: IssuerName) {
      const intermediate = await authority(issuer);
      return [intermediate.cert];
    },
    async issue(req: CertificateRequest, issuer: IssuerName, crlBaseUrl: string): Promise<Issued> {
      const cert = await issueCertificate(await authority(issuer), req, `${crlBaseUrl}/crl/${issuer}.crl`);
      const entry = { ...cert, issuer, kind: req.kind, revokedAt: null };
      issued.set(cert.serialNumber, entry);
      return entry;
    },
    /** Revoking twice keeps the first date, as a CA's database would. */
    revoke(serialNumber: string, at = now(), reason?: number): Issued | undefined {
      const entry = issued.get(serialNumber);
      if (entry && !entry.revokedAt) {
        entry.revokedAt = at;
        entry.revocationReason = reason;
      }
      return entry;
    },
    /** A fresh CRL at every request: this update now, next update `crlValiditySeconds` later. */
    async crl(issuer: IssuerName) {
      const thisUpdate = now();
      const revoked = [...issued.values()]
        .filter((e) => e.issuer === issuer && e.revokedAt)
        .map((e) => ({ serialNumber: e.serialNumber, revokedAt: e.revokedAt!, reason: e.revocationReason }));
      crlNumber += 1;
      return createCrl(
        await authority(issuer),
        revoked,
        crlNumber,
        thisUpdate,
        new Date(thisUpdate.getTime() + crlValiditySeconds * 1000),
      );
    },
    setCrlValidity(seconds: number) {
      crlValiditySeconds = seconds;
    },
    reset(): void {
      issued.clear();
      faults.clear();
      crlValiditySeconds = DEFAULT_CRL_VALIDITY_SECONDS;
    },
  };
}

export type CaState = Awaited<ReturnType<typeof createCaState>>;
