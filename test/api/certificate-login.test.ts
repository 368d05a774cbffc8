import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCms } from '../../simulators/ca/cms-sign.js';
import { x509 } from '../../adapters/certificates/pki.js';
import { importPrivateKeyPem } from '../../simulators/ca/crypto-setup.js';
import { insertAccount, movingClock } from '../support/database.js';
import { staffToken, withToken } from '../support/staff.js';
import { standaloneApp, type StandaloneApp } from '../support/standalone-app.js';
import { startCaSimulator, type IssuedCert } from '../simulators/ca/ca-client.js';

let shell: StandaloneApp;
let sim: Awaited<ReturnType<typeof startCaSimulator>>;
// The CA's and the API's clock: a test moves it past a CRL's next update rather than waiting.
const clock = movingClock();
beforeAll(async () => {
  sim = await startCaSimulator(undefined, { now: clock.now });
  shell = await standaloneApp(
    {
      CERT_TRUST_ROOT_FILES: sim.client.rootFile,
      CERT_TRUST_INTERMEDIATE_FILES: sim.client.intermediateFile,
      CRL_TIMEOUT_MS: '1000',
    },
    { now: clock.now },
  );
  // CRLs two seconds long, so a revocation is seen by the next check.
  await sim.client.crlValidity(2);
});
afterAll(async () => {
  await shell?.app.close();
  await sim?.app.close();
});

const post = (url: string, payload: unknown, token?: string) =>
  shell.app.inject({ method: 'POST', url, payload: payload as object, ...withToken(token) });
const der = (pem: string) => new Uint8Array(x509.PemConverter.decodeFirst(pem));

/**
 * What the CLI or a token does: a detached CMS over the challenge's bytes, by `key` (the certificate's
 * own unless told); `attached` carries the signed bytes inside, `signingTime` is what the signer claims.
 */
async function signed(
  challenge: { challengeId: string; challenge: string },
  cert: IssuedCert,
  keyPem = cert.privateKeyPem,
  { attached, signingTime }: { attached?: boolean; signingTime?: Date } = {},
) {
  const cms = await signCms(
    new TextEncoder().encode(challenge.challenge),
    { certificate: der(cert.certificatePem), key: await importPrivateKeyPem(keyPem), chain: [der(cert.chainPem)] },
    { attached, signingTime },
  );
  return { challengeId: challenge.challengeId, signature: Buffer.from(cms).toString('base64') };
}

/** Given an agency account whose government seal is bound to it. */
async function boundAccount(validity: { notAfter?: string } = {}) {
  const account = await insertAccount(shell.app.db, 'a long passphrase for payam');
  const session = await shell.app.accountAuth.login({
    username: account.username,
    password: 'a long passphrase for payam',
  });
  const cert = await sim.client.issue({ agencyNationalId: account.agencyNationalId, ...validity });
  const challenge = (await post('/api/account/certificate/challenge', {}, session.token)).json();
  const res = await post('/api/account/certificate', await signed(challenge, cert), session.token);
  return { account, session, cert, bind: res };
}

const loginChallenge = async () => (await post('/api/auth/certificate/challenge', {})).json();

describe('binding the certificate to the account, and logging in with it', () => {
  it('binds a government seal of the agency; a second bind of it is "already registered"; the login by signed challenge gives a session', async () => {
    const { account, session, cert, bind } = await boundAccount();
    expect(bind.statusCode).toBe(200);
    expect(bind.json()).toMatchObject({ serialNumber: cert.serialNumber, fingerprintSha256: cert.fingerprintSha256 });
    expect(
      (await shell.app.inject({ url: '/api/account/certificate', ...withToken(session.token) })).json().certificates,
    ).toHaveLength(1);

    const again = await post(
      '/api/account/certificate',
      await signed((await post('/api/account/certificate/challenge', {}, session.token)).json(), cert),
      session.token,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      id: 'certificate_already_bound',
      text: { fa: 'این گواهی قبلاً ثبت شده است.' },
    });

    const login = await post('/api/auth/certificate/login', await signed(await loginChallenge(), cert));
    expect(login.statusCode).toBe(200);
    const me = await shell.app.inject({ url: '/api/auth/me', ...withToken(login.json().token) });
    expect(me.json()).toMatchObject({ username: account.username });
  });

  it("the browser's way: a bare WebCrypto signature with the certificate logs in the same", async () => {
    const { account, cert } = await boundAccount();
    const challenge = await loginChallenge();
    const key = await importPrivateKeyPem(cert.privateKeyPem);
    const raw = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      new TextEncoder().encode(challenge.challenge),
    );
    const body = {
      challengeId: challenge.challengeId,
      certificate: cert.certificatePem,
      rawSignature: Buffer.from(raw).toString('base64'),
    };
    const res = await post('/api/auth/certificate/login', body);
    expect(res.json()).toHaveProperty('token');
    expect((await shell.app.inject({ url: '/api/auth/me', ...withToken(res.json().token) })).json()).toMatchObject({
      username: account.username,
    });
  });

  it('a replayed challenge is refused, even with a right signature', async () => {
    const { cert } = await boundAccount();
    const once = await signed(await loginChallenge(), cert);
    expect((await post('/api/auth/certificate/login', once)).json()).toHaveProperty('token');
    const replay = await post('/api/auth/certificate/login', once);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.id).toBe('challenge_invalid');
  });

  it('the wrong key (the certificate of the account, signed by another key) is refused', async () => {
    const { cert } = await boundAccount();
    const other = await sim.client.issue();
    const res = await post(
      '/api/auth/certificate/login',
      await signed(await loginChallenge(), cert, other.privateKeyPem),
    );
    expect(res.statusCode).toBe(401);
    expect(res.json().error.id).toBe('certificate_invalid');
  });

  it('a revoked certificate is refused at login', async () => {
    const { cert } = await boundAccount();
    await sim.client.revoke(cert.serialNumber);
    clock.advance(2100);
    const res = await post('/api/auth/certificate/login', await signed(await loginChallenge(), cert));
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      id: 'certificate_revoked',
      text: { fa: 'این گواهی الکترونیکی باطل شده است و پذیرفته نمی‌شود.' },
    });
  });

  it("another agency's seal cannot be bound; an administrator unbinds, and the certificate no longer logs in", async () => {
    const { account, session, cert } = await boundAccount();
    const foreign = await sim.client.issue({ agencyNationalId: '10101010101' });
    const refused = await post(
      '/api/account/certificate',
      await signed((await post('/api/account/certificate/challenge', {}, session.token)).json(), foreign),
      session.token,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.id).toBe('certificate_invalid');

    const reviewer = await staffToken(shell.app, shell.app.db, 'reviewer');
    expect(
      (
        await shell.app.inject({
          method: 'DELETE',
          url: `/api/staff/accounts/${account.id}/certificate`,
          ...withToken(reviewer),
        })
      ).statusCode,
    ).toBe(403);
    const admin = await staffToken(shell.app, shell.app.db, 'admin');
    expect(
      (
        await shell.app.inject({
          method: 'DELETE',
          url: `/api/staff/accounts/${account.id}/certificate`,
          ...withToken(admin),
        })
      ).statusCode,
    ).toBe(204);
    const res = await post('/api/auth/certificate/login', await signed(await loginChallenge(), cert));
    expect(res.json().error.id).toBe('certificate_not_bound');
  });

  it('a document the agency sealed in attached mode is no answer to a login challenge; an attached CMS over the challenge itself is', async () => {
    const { account, cert } = await boundAccount();
    // Anyone the agency ever sent a sealed .p7m holds this: a valid CMS by the bound seal, over other bytes.
    const sealedElsewhere = await sim.client.sign(
      cert.serialNumber,
      Buffer.from('a contract the agency sealed and sent to a supplier'),
      { attached: true },
    );
    const forged = await post('/api/auth/certificate/login', {
      challengeId: (await loginChallenge()).challengeId,
      signature: sealedElsewhere.toString('base64'),
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).not.toHaveProperty('token');
    expect(forged.json().error.id).toBe('certificate_invalid');

    const attached = await post(
      '/api/auth/certificate/login',
      await signed(await loginChallenge(), cert, undefined, { attached: true }),
    );
    expect(attached.statusCode).toBe(200);
    const me = await shell.app.inject({ url: '/api/auth/me', ...withToken(attached.json().token) });
    expect(me.json()).toMatchObject({ username: account.username });
  });

  it('an expired certificate is refused at login, even when the signer back-dates the signing time into its validity', async () => {
    // A minute of validity on the shared clock, then the clock moved past it: no real wait, so a slow binding
    // under load cannot outlive the certificate before the test means it to.
    const notAfter = new Date(clock.now().getTime() + 60_000);
    const { bind, cert } = await boundAccount({ notAfter: notAfter.toISOString() });
    expect(bind.statusCode).toBe(200);
    clock.advance(notAfter.getTime() - clock.now().getTime() + 1500);
    const backDated = new Date(notAfter.getTime() - 2000);
    const res = await post(
      '/api/auth/certificate/login',
      await signed(await loginChallenge(), cert, undefined, { signingTime: backDated }),
    );
    expect(res.statusCode).toBe(401);
    expect(res.json()).not.toHaveProperty('token');
    expect(res.json().error).toMatchObject({ id: 'certificate_invalid' });
    const audit = await shell.app
      .db('audit_log')
      .where({ action: 'account_login' })
      .whereRaw("detail->>'method' = 'certificate'")
      .orderBy('id', 'desc')
      .first();
    expect(audit.detail).toMatchObject({ outcome: 'certificate_expired' });
  });
});
