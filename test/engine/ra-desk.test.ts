import { beforeAll, describe, expect, it } from 'vitest';
import { x509 } from '../../adapters/certificates/pki.js';
import { DEFAULT_CA_DIR } from '../../simulators/ca/server.js';
import { caClient, type CaClient } from '../simulators/ca/ca-client.js';
import { makeCsr, requestForm, sealRequest, tamperedSignature } from '../support/csr.js';
import { newClientAddress } from '../support/api-app.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { staffToken, withToken } from '../support/staff.js';

// Seeds 001 and 002 at the registration office's desk, through the API as the RA page calls it, on the
// real engine, workers and CA simulator: file, check, issue, download, revoke, renew; the applicant's status page.

const ctx = useApiOnStack({ JOB_RETRY_BACKOFF_MS: '300', ENGINE_LONG_POLL_MS: '2000' }, { RATE_LIMIT_STATUS_MAX: 40 });
let clerk: string;
let ca: CaClient;

beforeAll(async () => {
  clerk = await staffToken(ctx.app, ctx.stack.db, 'ra-clerk');
  ca = caClient(ctx.stack.caUrl, DEFAULT_CA_DIR);
  await ca.crlValidity(2);
});

type Answer = {
  status: number;
  body: Record<string, unknown> & {
    error?: { id: string; fields?: { field: string; id: string; text: { fa: string; en: string } }[] };
  };
};
async function call(
  method: 'GET' | 'POST',
  url: string,
  opts: { form?: FormData; json?: unknown; token?: string } = {},
): Promise<Answer> {
  const res = await ctx.app.inject({
    method,
    url,
    ...withToken(opts.token ?? clerk),
    ...(opts.form ? { payload: opts.form } : opts.json !== undefined ? { payload: opts.json as object } : {}),
  });
  let body: Answer['body'];
  try {
    body = res.json();
  } catch {
    body = { text: res.body };
  }
  return { status: res.statusCode, body };
}

async function file(overrides: Record<string, string> = {}) {
  const r = await sealRequest(overrides);
  const res = await call('POST', '/api/ra/requests', {
    form: requestForm(r.fields, {
      nationalCard: { content: r.nationalCard, name: 'national-card.pdf' },
      csr: { content: Buffer.from(r.csr.pem), name: 'token.csr' },
    }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...r, id: res.body.id as string, trackingCode: res.body.trackingCode as string };
}

const status = async (trackingCode: string) =>
  (
    await ctx.app.inject({
      method: 'GET',
      url: `/api/certificate-requests/${trackingCode}/status`,
      remoteAddress: newClientAddress(),
    })
  ).json() as {
    status: string;
    rejectionReason: { id: string } | null;
  };

const decide = (id: string, decision: 'approve' | 'reject', reason?: string) =>
  call('POST', `/api/ra/requests/${id}/decision`, { json: reason ? { decision, reason } : { decision } });

const row = (id: string) => ctx.stack.db('certificate_requests').where({ id }).first();
const until = (id: string, wanted: string) =>
  ctx.stack.eventually(
    () => row(id),
    (r) => r?.status === wanted,
  );

async function letterOutcome(agencyNationalId: string, serialNumber: string, privateKeyPem: string) {
  const r = await ctx.applicant.begin({ applicant: { agencyNationalId } });
  const { pdf } = await ca.letter(serialNumber, 'embedded', { privateKeyPem });
  await ctx.stack.registrations.saveLetter(r.id, pdf, 'letter.pdf');
  await ctx.applicant.submit(r.id);
  const check = await ctx.stack.eventually(
    () => ctx.stack.db('letter_signature_checks').where({ registration_id: r.id }).first(),
    (c) => Boolean(c),
  );
  return check.outcome as string;
}

describe('the clerk files a request', () => {
  it('given the form, scans and the token CSR, then 201 with a tracking code; the applicant data stays in PostgreSQL, the engine has ids only; the task waits for ra-clerks', async () => {
    const r = await file();
    expect(r.trackingCode).toMatch(/^\d{8}$/);
    expect(await row(r.id)).toMatchObject({
      status: 'received',
      applicant_national_code: r.fields.nationalCode,
      csr_key: 'ECDSA P-256',
      filed_by: expect.any(String),
    });
    expect(await status(r.trackingCode)).toMatchObject({ status: 'received', rejectionReason: null });
    const [instance] = await ctx.stack.engine.historicInstances({ processInstanceBusinessKey: r.id });
    const vars = Object.fromEntries(
      (await ctx.stack.engine.historicVariables([instance!.id!])).map((v) => [v.name!, { value: v.value }]),
    );
    expect(Object.keys(vars).sort()).toEqual(['agencyName', 'raUrl', 'requestAction', 'requestId', 'trackingCode']);
    expect(vars.raUrl!.value).toBe(`${ctx.stack.config.PUBLIC_BASE_URL}/ra/#${r.id}`);
    expect(JSON.stringify(vars)).not.toContain(r.fields.nationalCode);
    expect(JSON.stringify(vars)).not.toContain(r.fields.mobile);
    const tasks = (
      await ctx.stack.engine.tasksOf({ taskDefinitionKey: 'Task_RaCheck', candidateGroup: 'ra-clerks' })
    ).filter((t) => t.businessKey === r.id);
    expect(tasks.map((t) => t.taskDefinitionKey)).toEqual(['Task_RaCheck']);
  });

  it('given a reviewer instead of a clerk, then 403, and nothing without a session', async () => {
    const reviewer = await staffToken(ctx.app, ctx.stack.db, 'reviewer');
    expect((await call('GET', '/api/ra/requests', { token: reviewer })).status).toBe(403);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/ra/requests', remoteAddress: newClientAddress() })).statusCode,
    ).toBe(401);
  });

  const badInput: [
    string,
    (r: Awaited<ReturnType<typeof sealRequest>>) => Promise<Parameters<typeof requestForm>>,
    { field: string; id: string }[],
  ][] = [
    [
      'a CSR that does not parse',
      async (r) => [
        r.fields,
        {
          nationalCard: { content: r.nationalCard, name: 'n.pdf' },
          csr: {
            content: Buffer.from('-----BEGIN CERTIFICATE REQUEST-----\nMIIBAA==\n-----END CERTIFICATE REQUEST-----\n'),
            name: 'x.csr',
          },
        },
      ],
      [{ field: 'csr', id: 'csr_unreadable' }],
    ],
    [
      'an RSA key of 1024 bits',
      async (r) => [
        r.fields,
        {
          nationalCard: { content: r.nationalCard, name: 'n.pdf' },
          csr: {
            content: (await makeCsr({ ...r.fields, commonName: r.fields.organization }, 'rsa1024')).der,
            name: 'x.der',
          },
        },
      ],
      [{ field: 'csr', id: 'csr_weak_key' }],
    ],
    [
      'a CSR whose signature does not verify (no proof of possession)',
      async (r) => [
        r.fields,
        {
          nationalCard: { content: r.nationalCard, name: 'n.pdf' },
          csr: { content: tamperedSignature(r.csr.der), name: 'x.der' },
        },
      ],
      [{ field: 'csr', id: 'csr_signature' }],
    ],
    [
      'a CSR for another role',
      async (r) => [
        { ...r.fields, role: 'DEPUTY' },
        {
          nationalCard: { content: r.nationalCard, name: 'n.pdf' },
          csr: { content: Buffer.from(r.csr.pem), name: 'x.csr' },
        },
      ],
      [
        { field: 'csr', id: 'csr_subject_mismatch' },
        { field: 'role', id: 'csr_subject_mismatch' },
      ],
    ],
    [
      'a national card that is text named .pdf, and no CSR',
      async (r) => [r.fields, { nationalCard: { content: Buffer.from('not a scan'), name: 'n.pdf' } }],
      [
        { field: 'nationalCard', id: 'document_type' },
        { field: 'csr', id: 'csr_missing' },
      ],
    ],
    [
      'a non-government kind, a role in Persian, a wrong national code',
      async (r) => [
        { ...r.fields, kind: 'individual-independent', role: 'مدیر', nationalCode: '1234567890' },
        {
          nationalCard: { content: r.nationalCard, name: 'n.pdf' },
          csr: { content: Buffer.from(r.csr.pem), name: 'x.csr' },
        },
      ],
      [
        { field: 'kind', id: 'certificate_kind_not_offered' },
        { field: 'role', id: 'certificate_role_format' },
        { field: 'nationalCode', id: 'national_code_checksum' },
      ],
    ],
  ];
  it.each(badInput)(
    'given %s, then 422 naming the field in Persian and English, and nothing written',
    async (_name, make, expected) => {
      const r = await sealRequest();
      const before = (await ctx.stack.db('certificate_requests').count({ n: '*' }))[0]!.n;
      const res = await call('POST', '/api/ra/requests', { form: requestForm(...(await make(r))) });
      expect(res.status).toBe(422);
      expect(res.body.error?.id).toBe('validation_failed');
      expect(res.body.error?.fields?.map((f) => ({ field: f.field, id: f.id }))).toEqual(expected);
      for (const f of res.body.error!.fields!) expect(f.text.fa.length * f.text.en.length).toBeGreaterThan(0);
      expect((await ctx.stack.db('certificate_requests').count({ n: '*' }))[0]!.n).toBe(before);
    },
  );
});

describe('the check, issue, download, revocation and renewal', () => {
  it('a refusal with a listed reason: the status page says rejected with that reason, and the CA issues nothing', async () => {
    const r = await file();
    expect((await decide(r.id, 'reject')).body.error?.fields?.[0]?.field).toBe('reason');
    expect((await decide(r.id, 'reject', 'identity_not_proven')).status).toBe(200);
    expect(await until(r.id, 'rejected')).toMatchObject({
      rejection_reason: 'identity_not_proven',
      issued_serial: null,
    });
    expect(await status(r.trackingCode)).toMatchObject({
      status: 'rejected',
      rejectionReason: { id: 'identity_not_proven' },
    });
    expect((await decide(r.id, 'approve')).status).toBe(409);
  });

  it('issued from the token CSR, downloaded once; the letter signed with the token key passes; revoked with a reason, the next CRL lists it and the letter check says revoked', async () => {
    const r = await file();
    const detail = await call('GET', `/api/ra/requests/${r.id}`);
    expect(detail.body).toMatchObject({
      status: 'checking',
      csr: { key: 'ECDSA P-256' },
      applicant: { nationalCode: r.fields.nationalCode },
    });
    expect((detail.body.csr as { subject: string }).subject).toContain('title=MANAGER');
    expect(await status(r.trackingCode)).toMatchObject({ status: 'checking' });
    const [doc] = detail.body.documents as { id: string }[];
    const scan = await ctx.app.inject({
      method: 'GET',
      url: `/api/ra/requests/${r.id}/documents/${doc!.id}`,
      ...withToken(clerk),
    });
    expect(scan.headers['content-type']).toBe('application/pdf');

    expect((await decide(r.id, 'approve')).status).toBe(200);
    const issued = await until(r.id, 'issued');
    expect(await status(r.trackingCode)).toMatchObject({ status: 'issued' });

    const download = await ctx.app.inject({
      method: 'GET',
      url: `/api/ra/requests/${r.id}/certificate`,
      ...withToken(clerk),
    });
    expect(download.statusCode).toBe(200);
    const [certPem, chainPem] = download.body.split(/(?<=-----END CERTIFICATE-----)\n/);
    const cert = new x509.X509Certificate(certPem!);
    const csr = new x509.Pkcs10CertificateRequest(r.csr.pem);
    expect(Buffer.from(cert.publicKey.rawData).equals(Buffer.from(csr.publicKey.rawData))).toBe(true);
    expect(cert.subject).toContain('T=MANAGER');
    expect(new x509.X509Certificate(chainPem!).subject).toContain('Intermediate');
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/ra/requests/${r.id}/certificate`, ...withToken(clerk) }))
        .statusCode,
    ).toBe(410);

    expect(await letterOutcome(r.fields.agencyNationalId, issued.issued_serial, r.csr.privateKeyPem)).toBe('valid');

    expect(
      (await call('POST', `/api/ra/requests/${r.id}/revocation`, { json: { reason: 'bogus' } })).body.error
        ?.fields?.[0],
    ).toMatchObject({ field: 'reason', id: 'revocation_reason_invalid' });
    // Two clerks asking at the same moment: one revocation request, the other told it is under way.
    const both = await Promise.all(
      [1, 2].map(() => call('POST', `/api/ra/requests/${r.id}/revocation`, { json: { reason: 'keyCompromise' } })),
    );
    expect(both.map((a) => a.status).sort()).toEqual([201, 409]);
    const revocation = both.find((a) => a.status === 201)!;
    expect(both.find((a) => a.status === 409)!.body.error?.id).toBe('certificate_not_revocable');
    expect(
      (await call('POST', `/api/ra/requests/${r.id}/revocation`, { json: { reason: 'keyCompromise' } })).body.error?.id,
    ).toBe('certificate_not_revocable');
    expect((await decide(revocation.body.id as string, 'approve')).status).toBe(200);
    await until(revocation.body.id as string, 'revoked');
    expect(await status(r.trackingCode)).toMatchObject({ status: 'revoked' });

    ctx.stack.clock.advance(2100);
    const crl = new x509.X509Crl(Buffer.from(await (await fetch(`${ctx.stack.caUrl}/crl/trusted.crl`)).arrayBuffer()));
    const entry = crl.entries.find((e) => e.serialNumber === issued.issued_serial);
    expect(entry?.reason).toBe(x509.X509CrlReason.keyCompromise);
    expect(await letterOutcome(r.fields.agencyNationalId, issued.issued_serial, r.csr.privateKeyPem)).toBe('revoked');
  });

  it('renewed from a new CSR for the same subject: a new certificate for the new key, the old one superseded; a CSR for another subject is refused', async () => {
    const r = await file();
    await decide(r.id, 'approve');
    const old = await until(r.id, 'issued');
    const other = await makeCsr({ ...r.fields, role: 'DEPUTY', commonName: r.fields.organization });
    const refused = await call('POST', `/api/ra/requests/${r.id}/renewal`, {
      form: requestForm({}, { csr: { content: Buffer.from(other.pem), name: 'n.csr' } }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.fields?.map((f) => f.field)).toEqual(['csr', 'role']);

    const fresh = await makeCsr({ ...r.fields, commonName: r.fields.organization });
    const renewal = await call('POST', `/api/ra/requests/${r.id}/renewal`, {
      form: requestForm({}, { csr: { content: Buffer.from(fresh.pem), name: 'n.csr' } }),
    });
    expect(renewal.status).toBe(201);
    expect((await decide(renewal.body.id as string, 'approve')).status).toBe(200);
    const renewed = await ctx.stack.eventually(
      () => row(renewal.body.id as string),
      (x) => Boolean(x?.closed_at),
    );
    expect(renewed.issued_serial).not.toBe(old.issued_serial);
    expect(await status(renewal.body.trackingCode as string)).toMatchObject({ status: 'issued' });
    expect(await status(r.trackingCode)).toMatchObject({ status: 'revoked' });
    ctx.stack.clock.advance(2100);
    const crl = new x509.X509Crl(Buffer.from(await (await fetch(`${ctx.stack.caUrl}/crl/trusted.crl`)).arrayBuffer()));
    expect(crl.entries.find((e) => e.serialNumber === old.issued_serial)?.reason).toBe(x509.X509CrlReason.superseded);
    expect(crl.entries.find((e) => e.serialNumber === renewed.issued_serial)).toBeUndefined();
  });
});

describe("the applicant's status page", () => {
  it('shows no name, national code, mobile or organization; an unknown code is 404', async () => {
    const r = await file();
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/certificate-requests/${r.trackingCode}/status`,
      remoteAddress: newClientAddress(),
    });
    for (const personal of [
      r.fields.nationalCode,
      r.fields.mobile,
      r.fields.firstName,
      r.fields.organization,
      r.fields.agencyNationalId,
    ])
      expect(res.body).not.toContain(personal);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: '/api/certificate-requests/99999999/status',
          remoteAddress: newClientAddress(),
        })
      ).statusCode,
    ).toBe(404);
  });

  it('is rate-limited per address: past RATE_LIMIT_STATUS_MAX look-ups, 429 with Retry-After', async () => {
    const remoteAddress = newClientAddress();
    const codes: number[] = [];
    for (let i = 0; i < 41; i++)
      codes.push(
        (await ctx.app.inject({ method: 'GET', url: '/api/certificate-requests/99999998/status', remoteAddress }))
          .statusCode,
      );
    expect(codes.slice(0, 40).every((c) => c === 404)).toBe(true);
    expect(codes[40]).toBe(429);
  });
});
