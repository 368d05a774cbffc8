import { randomBytes, randomUUID } from 'node:crypto';
import { CrlUnavailableError } from '../../adapters/certificates/crl-cache.js';
import type { SignatureCheck } from '../../adapters/certificates/check-signature.js';
import type { SignatureChecker } from '../../adapters/certificates/signature-checker.js';
import { x509 } from '../../adapters/certificates/pki.js';
import { createAccountsRepo } from '../../db/accounts-repo.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { createCertificateBindingsRepo, type ChallengePurpose } from '../../db/certificate-bindings-repo.js';
import type { CertificateKind } from '../../domain/certificate-kind.js';
import { AppError } from '../errors/app-error.js';
import type { AccountPrincipal } from './account-auth.js';
import { createSessions } from './sessions.js';
import type { AuthDeps } from './staff-auth.js';

/** How long a challenge may be signed: a token's PIN prompt and a person's hesitation, not more. */
const CHALLENGE_TTL_MS = 5 * 60_000;
/** The kinds an executive agency's staff hold (Setad's guide): the government seal and the government individual, both naming the agency. */
const ACCOUNT_KINDS: readonly CertificateKind[] = ['seal-government', 'individual-government'];

/** A signed challenge: a CMS (a token's software, the CLI) or a browser's bare WebCrypto signature with its certificate. */
export type SignedChallenge = { challengeId: string; signature?: string; certificate?: string; rawSignature?: string };

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
/** A certificate as PEM or base64 DER. */
const certificateDer = (text: string) =>
  text.includes('BEGIN') ? new Uint8Array(x509.PemConverter.decodeFirst(text)) : bytes(text);

/**
 * Binding an agency account's certificate and logging in with it, as Setad does with a token: the
 * server hands out a one-time challenge, the holder signs it with the certificate's key, and the
 * signature is checked (chain, CRL, kind, the account's agency) before the fingerprint is bound or the login granted.
 */
export function createCertificateAuth({ db, config, now }: AuthDeps, signatures: SignatureChecker) {
  const repo = createCertificateBindingsRepo(db);
  const accounts = createAccountsRepo(db);
  const audit = createAuditRepo(db);
  const sessions = createSessions(db, config, now, 'account');

  /** Takes the challenge (single use, whatever the signature turns out to be), then checks what was signed over it. */
  async function verifySigned(
    input: SignedChallenge,
    purpose: ChallengePurpose,
    accountId: string | null,
    agencyNationalId?: string,
  ): Promise<SignatureCheck> {
    const challenge = await repo.consumeChallenge(input.challengeId, purpose, accountId, now());
    if (!challenge) {
      // A login is refused as a login is (401); a binding names the field, as every 422 does.
      throw purpose === 'login'
        ? new AppError('challenge_invalid', 401)
        : new AppError('challenge_invalid', 422, [{ field: 'challengeId', code: 'challenge_invalid' }]);
    }
    const data = new TextEncoder().encode(challenge.challenge);
    // Judged at our clock: a challenge is minutes old, so the signing time its signer claims counts for nothing.
    const expect = { kinds: ACCOUNT_KINDS, agencyNationalId, at: now() };
    try {
      if (input.signature) return await signatures.check(bytes(input.signature), data, expect);
      if (input.certificate && input.rawSignature)
        return await signatures.checkRaw(certificateDer(input.certificate), bytes(input.rawSignature), data, expect);
    } catch (e) {
      if (e instanceof CrlUnavailableError) throw new AppError('crl_unavailable', 503);
      throw e;
    }
    return { outcome: 'bad_signature', signer: null };
  }

  const refused = (check: SignatureCheck, status: number) =>
    new AppError(check.outcome === 'revoked' ? 'certificate_revoked' : 'certificate_invalid', status, [], {
      outcome: check.outcome,
    });

  return {
    async challenge(purpose: ChallengePurpose, accountId: string | null) {
      const id = randomUUID();
      const challenge = `payam-iran/${purpose}/${id}/${randomBytes(24).toString('base64url')}`;
      const expiresAt = new Date(now().getTime() + CHALLENGE_TTL_MS);
      await repo.createChallenge({ id, purpose, accountId, challenge, expiresAt });
      return { challengeId: id, challenge, expiresAt: expiresAt.toISOString() };
    },

    /** Binds the certificate that signed the account's challenge; 409 certificate_already_bound when it is (here or elsewhere). */
    async bind(account: AccountPrincipal, input: SignedChallenge) {
      const row = await accounts.get(account.accountId);
      const check = await verifySigned(input, 'bind', account.accountId, row?.agency_national_id);
      if (check.outcome !== 'valid' || !check.signer) {
        await audit.record({
          actor: `account:${account.accountId}`,
          action: 'certificate_bind_refused',
          detail: { outcome: check.outcome },
        });
        throw refused(check, 422);
      }
      const facts = check.signer;
      await db
        .transaction(async (trx) => {
          if (await repo.activeByFingerprint(facts.fingerprintSha256, trx))
            throw new AppError('certificate_already_bound', 409);
          await repo.bind({ id: randomUUID(), accountId: account.accountId, facts }, trx);
          await audit.record(
            {
              actor: `account:${account.accountId}`,
              action: 'certificate_bound',
              detail: { fingerprint: facts.fingerprintSha256, serialNumber: facts.serialNumber },
            },
            trx,
          );
        })
        .catch((e: { code?: string }) => {
          // Two binds of one certificate at once: the unique index answers for the slower one.
          if (e.code === '23505') throw new AppError('certificate_already_bound', 409);
          throw e;
        });
      return {
        fingerprintSha256: facts.fingerprintSha256,
        serialNumber: facts.serialNumber,
        subject: facts.subject,
        notAfter: facts.notAfter.toISOString(),
      };
    },

    bindings: async (accountId: string) =>
      (await repo.active(accountId)).map((b) => ({
        fingerprintSha256: b.fingerprint_sha256,
        serialNumber: b.serial_number,
        issuer: b.issuer,
        subject: b.subject,
        notAfter: new Date(b.not_after).toISOString(),
        boundAt: new Date(b.bound_at).toISOString(),
      })),

    /** An administrator ends every binding of the account (a lost or replaced token). */
    async unbind(accountId: string, staffUsername: string) {
      const n = await repo.unbindAll(accountId, `staff:${staffUsername}`.slice(0, 64), now());
      await audit.record({
        actor: `staff:${staffUsername}`,
        action: 'certificate_unbound',
        detail: { accountId, count: n },
      });
      return n;
    },

    /** Login by a signed challenge instead of the password: a valid certificate bound to an active account. */
    async login(input: SignedChallenge) {
      const check = await verifySigned(input, 'login', null);
      if (check.outcome !== 'valid' || !check.signer) {
        await audit.record({
          actor: 'anonymous',
          action: 'account_login',
          detail: { outcome: `certificate_${check.outcome}`, method: 'certificate' },
        });
        throw refused(check, 401);
      }
      const binding = await repo.activeByFingerprint(check.signer.fingerprintSha256);
      const account = binding && (await accounts.get(binding.account_id));
      if (account?.status !== 'active') {
        await audit.record({
          actor: 'anonymous',
          action: 'account_login',
          detail: { outcome: 'certificate_not_bound', method: 'certificate' },
        });
        throw new AppError('certificate_not_bound', 401);
      }
      await audit.record({
        registrationId: account.registration_id,
        actor: `account:${account.id}`,
        action: 'account_login',
        detail: { outcome: 'success', method: 'certificate', accountId: account.id },
      });
      return sessions.issue(account.id);
    },
  };
}

export type CertificateAuth = ReturnType<typeof createCertificateAuth>;
