import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { modelerBundleDir } from '../../config/paths.js';
import { fontPackageDir } from '../letter/letter-fonts.js';

const publicDir = fileURLToPath(new URL('../public', import.meta.url));

/**
 * The pages under api/public: the applicant's form at `/`, the reviewers' at `/review/`, the
 * supervisors' at `/reports/` and `/monitor/`, the process owners' at `/modeler/`, the agency account login at `/login`;
 * the Vazirmatn font from the installed @fontsource package at `/fonts/`; and the modeler's editor and
 * the monitor's viewer, bundled at start (ops/modeler-bundle.ts), at `/modeler/assets/`.
 */
export default async function webForm(app: FastifyInstance) {
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/',
    cacheControl: true,
    maxAge: '5m',
    // `/review` and `/reports` as typed lead to their pages.
    redirect: true,
    // Each page's Content-Security-Policy and the other security headers: plugins/security-headers.ts.
  });
  // The address the notices give (PUBLIC_BASE_URL/login), served as it is, without a redirect.
  app.get('/login', { schema: { hide: true } }, (_request, reply) => reply.sendFile('login/index.html'));
  await app.register(fastifyStatic, {
    root: fontPackageDir,
    prefix: '/fonts/',
    decorateReply: false,
    maxAge: '30d',
    immutable: true,
    // The package's stylesheets and woff2 files; nothing else from node_modules.
    allowedPath: (pathName) => /^\/(\d{3}\.css|files\/vazirmatn-[\w-]+\.woff2)$/.test(pathName),
  });
  await app.register(fastifyStatic, {
    root: modelerBundleDir,
    prefix: '/modeler/assets/',
    decorateReply: false,
    maxAge: '5m',
    allowedPath: (pathName) => /^\/(editor|viewer)\.(js|css)$/.test(pathName),
  });
}
