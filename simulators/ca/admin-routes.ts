import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { signCms } from './cms-sign.js';
import { registerResetRoutes } from '../shared/reset-routes.js';
import { issuedView, signerOf } from './issued-view.js';
import { baseUrlOf } from './public-routes.js';
import { FaultBody, LetterBody, SerialParams, SettingsBody, SignBody, SimIssueBody } from './schemas.js';
import type { CaState } from './state.js';
import { signLetter, testLetterPdf } from './test-letter.js';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const date = (s: string | undefined) => (s ? new Date(s) : undefined);

/** Test-only controls under `/__sim`: issue any certificate, revoke, sign letters and challenges, faults. */
export function registerAdminRoutes(app: FastifyInstance, state: CaState, opts: { publicUrl?: string }): void {
  const known = (serialNumber: string) => {
    const entry = state.issued.get(serialNumber);
    if (!entry) throw Object.assign(new Error('unknown certificate'), { statusCode: 404 });
    return entry;
  };

  app.post<{ Body: Static<typeof SimIssueBody> }>(
    '/__sim/certificates',
    { schema: { body: SimIssueBody } },
    async (req, reply) => {
      const { issuer = 'trusted', notBefore, notAfter, ...request } = req.body;
      const entry = await state.issue(
        { ...request, notBefore: date(notBefore), notAfter: date(notAfter) },
        issuer,
        baseUrlOf(req, opts.publicUrl),
      );
      return reply.code(201).send(await issuedView(entry, state));
    },
  );

  app.get('/__sim/certificates', async () =>
    [...state.issued.values()].map((e) => ({
      serialNumber: e.serialNumber,
      kind: e.kind,
      subject: e.cert.subject,
      revokedAt: e.revokedAt?.toISOString() ?? null,
    })),
  );

  app.post<{ Params: Static<typeof SerialParams> }>(
    '/__sim/certificates/:serialNumber/revoke',
    { schema: { params: SerialParams } },
    async (req) => {
      known(req.params.serialNumber);
      const entry = state.revoke(req.params.serialNumber)!;
      return { serialNumber: entry.serialNumber, revokedAt: entry.revokedAt!.toISOString() };
    },
  );

  app.post<{ Body: Static<typeof LetterBody> }>(
    '/__sim/letters',
    { schema: { body: LetterBody } },
    async (req, reply) => {
      const entry = known(req.body.serialNumber);
      const pdf = req.body.pdfBase64
        ? new Uint8Array(Buffer.from(req.body.pdfBase64, 'base64'))
        : await testLetterPdf();
      const signer = await signerOf(entry, state, req.body.privateKeyPem);
      if (!signer) return reply.code(409).send({ error: 'the CA holds no key of a certificate issued from a CSR' });
      const signed = await signLetter(pdf, signer, req.body.format, date(req.body.signingTime));
      return { pdfBase64: b64(signed.pdf), signatureBase64: signed.signature ? b64(signed.signature) : null };
    },
  );

  app.post<{ Body: Static<typeof SignBody> }>('/__sim/sign', { schema: { body: SignBody } }, async (req, reply) => {
    const entry = known(req.body.serialNumber);
    const signer = await signerOf(entry, state, req.body.privateKeyPem);
    if (!signer) return reply.code(409).send({ error: 'the CA holds no key of a certificate issued from a CSR' });
    const cms = await signCms(new Uint8Array(Buffer.from(req.body.dataBase64, 'base64')), signer, {
      attached: req.body.attached,
      signingTime: date(req.body.signingTime),
    });
    return { cmsBase64: b64(cms) };
  });

  app.post<{ Body: Static<typeof FaultBody> }>('/__sim/faults', { schema: { body: FaultBody } }, async (req, reply) => {
    state.faults.set(req.body.service, req.body.mode, req.body.count);
    return reply.code(201).send({ ok: true });
  });

  app.post<{ Body: Static<typeof SettingsBody> }>(
    '/__sim/settings',
    { schema: { body: SettingsBody } },
    async (req) => {
      state.setCrlValidity(req.body.crlValiditySeconds);
      return { crlValiditySeconds: req.body.crlValiditySeconds };
    },
  );

  registerResetRoutes(app, state);
}
