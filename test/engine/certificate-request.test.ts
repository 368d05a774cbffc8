import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { staffIdentity } from '../../adapters/engine/connect.js';
import {
  createCertificateRequestService,
  type CertificateRequestInput,
} from '../../api/certificates/certificate-request-service.js';
import { DEFAULT_CA_DIR } from '../../simulators/ca/server.js';
import { caClient, type CaClient } from '../simulators/ca/ca-client.js';
import { engineAs, type EngineAs } from '../support/engine-as.js';
import { useEngineStack } from '../support/lifecycle.js';

const ctx = useEngineStack({ JOB_RETRY_BACKOFF_MS: '300', ENGINE_LONG_POLL_MS: '2000' });
const CLERK_PASSWORD = 'a long passphrase for the RA';
let ca: CaClient;
let clerk: EngineAs;

beforeAll(async () => {
  ca = caClient(ctx.stack.caUrl, DEFAULT_CA_DIR);
  await ca.crlValidity(2);
  // An RA clerk as Admin would make one: an engine user in the group ra-clerks, who works in Tasklist.
  const username = `ra-clerk-${randomUUID().slice(0, 8)}`;
  await staffIdentity(ctx.stack.config).addUser(username, CLERK_PASSWORD, 'ra-clerks', {
    firstName: 'RA',
    lastName: 'Clerk',
  });
  clerk = engineAs(username, CLERK_PASSWORD);
});

/** What the clerk's GET answers; a refusal fails the test (as Tasklist would show an error). */
async function asClerk(path: string): Promise<unknown> {
  const answer = await clerk.get(path);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Given a request to the RA, the clerk finds it in Tasklist (REST, as the clerk) and decides; then the CA has acted. */
async function throughTheRa(input: CertificateRequestInput, decision: 'approve' | 'reject' = 'approve') {
  const service = createCertificateRequestService({ db: ctx.stack.db, engine: ctx.stack.engine });
  const { id } = await service.submit(input);
  const [task] = await ctx.stack.eventually(
    () => asClerk(`/task?candidateGroup=ra-clerks&processInstanceBusinessKey=${id}`) as Promise<{ id: string }[]>,
    (t) => t.length > 0,
  );
  const done = await clerk.post(`/task/${task!.id}/complete`, {
    variables: {
      raDecision: { value: decision, type: 'String' },
      ...(decision === 'reject' ? { raRejectionReason: { value: 'documents_invalid', type: 'String' } } : {}),
    },
  });
  expect(done.status).toBe(204);
  await ctx.stack.eventually(
    async () => (await ctx.stack.engine.historicInstances({ processInstanceBusinessKey: id }))[0]?.state,
    (s) => s === 'COMPLETED',
  );
  return (await service.get(id))!;
}

async function letterOutcome(agencyNationalId: string, serialNumber: string) {
  const r = await ctx.applicant.begin({ applicant: { agencyNationalId } });
  const { pdf } = await ca.letter(serialNumber, 'embedded');
  await ctx.stack.registrations.saveLetter(r.id, pdf, 'letter.pdf');
  await ctx.applicant.submit(r.id);
  const check = await ctx.stack.eventually(
    () => ctx.stack.db('letter_signature_checks').where({ registration_id: r.id }).first(),
    (c) => Boolean(c),
  );
  return check.outcome as string;
}

describe('the registration office as a process: issue and revoke through Tasklist', () => {
  it('the RA clerks see their Tasklist filter', async () => {
    const filters = (await asClerk('/filter?resourceType=Task')) as { name: string }[];
    expect(filters.map((f) => f.name)).toContain('درخواست‌های گواهی در انتظار دفتر ثبت‌نام');
  });

  it('an issued government seal passes the letter check; once revoked through the RA, the next CRL lists it and the letter check fails', async () => {
    const agency = (await ctx.applicant.begin()).applicant.agencyNationalId;
    const issued = await throughTheRa({
      action: 'issue',
      kind: 'seal-government',
      commonName: 'سازمان آزمایش',
      organization: 'سازمان آزمایش',
      agencyNationalId: agency,
      role: 'MANAGER',
    });
    expect(issued.issued_serial).toMatch(/^[0-9a-f]+$/);
    expect(issued.issued_certificate_pem).toContain('BEGIN CERTIFICATE');
    expect(await letterOutcome(agency, issued.issued_serial!)).toBe('valid');

    const revoked = await throughTheRa({
      action: 'revoke',
      kind: 'seal-government',
      commonName: 'سازمان آزمایش',
      targetSerial: issued.issued_serial!,
    });
    expect(revoked.revoked_at).not.toBeNull();
    ctx.stack.clock.advance(2100);
    expect(await letterOutcome(agency, issued.issued_serial!)).toBe('revoked');
  });

  it('a request the clerk refuses reaches no CA', async () => {
    const refused = await throughTheRa(
      { action: 'issue', kind: 'seal-government', commonName: 'x', organization: 'x', agencyNationalId: '10101010101' },
      'reject',
    );
    expect(refused).toMatchObject({ issued_serial: null, status: 'rejected', rejection_reason: 'documents_invalid' });
  });
});
