import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { fontPackageDir } from '../letter/letter-fonts.js';

const publicDir = fileURLToPath(new URL('../public', import.meta.url));

// The form runs its own scripts and calls only this API; nothing is loaded from elsewhere (no CDN).
// Inline styles and data: fonts are allowed for the letter, which the form opens as a blob of its origin.
const FORM_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "font-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join('; ');

/** The applicant's web form at `/`, and the Vazirmatn font from the installed @fontsource package at `/fonts/`. */
export default async function webForm(app: FastifyInstance) {
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/',
    cacheControl: true,
    maxAge: '5m',
    setHeaders: (reply, file) => {
      if (file.endsWith('.html')) reply.header('content-security-policy', FORM_CSP);
      reply.header('x-content-type-options', 'nosniff');
    },
  });
  await app.register(fastifyStatic, {
    root: fontPackageDir,
    prefix: '/fonts/',
    decorateReply: false,
    maxAge: '30d',
    immutable: true,
    // The package's stylesheets and woff2 files; nothing else from node_modules.
    allowedPath: (pathName) => /^\/(\d{3}\.css|files\/vazirmatn-[\w-]+\.woff2)$/.test(pathName),
  });
}
