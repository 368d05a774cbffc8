import helmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LETTER_STYLE_SOURCE } from '../letter/letter-template.js';

type Directives = Record<string, string[]>;

/**
 * Every Content-Security-Policy the API sends, in one place. Nothing is loaded from elsewhere (no CDN):
 * the pages run their own module scripts and call only this API.
 */
const POLICIES = {
  /** The API's answers (JSON, the letter's bytes): they may load and frame nothing. */
  api: { 'default-src': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"], 'frame-ancestors': ["'none'"] },
  /**
   * The Persian pages, and what they load. Styles come from the pages' stylesheets; the one inline stylesheet allowed
   * (by its hash, not 'unsafe-inline') and data: fonts are the letter template's, which the form opens as a blob of its
   * own origin, and a blob document runs under the policy of the page that made it. The captcha's audio is fetched once
   * and played from a blob, so the player can replay it.
   */
  pages: {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", LETTER_STYLE_SOURCE],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'media-src': ['blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  },
  /** The letter template opened on its own (GET …/letter-template): its styles and font are inside it and it runs no script. */
  letter: {
    'default-src': ["'none'"],
    'style-src': [LETTER_STYLE_SOURCE],
    'font-src': ['data:'],
    'img-src': ['data:'],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  },
} satisfies Record<string, Directives>;

// The reviewers' page (and the RA page its scanned documents) shows the letter it fetched with the staff token, as a blob URL of its own origin:
// an <img>, or a PDF in a frame (Chromium's viewer is a plugin inside it, which object-src governs).
const reviewPage: Directives = {
  ...POLICIES.pages,
  'img-src': ["'self'", 'data:', 'blob:'],
  'frame-src': ['blob:'],
  'object-src': ['blob:'],
};
// Swagger UI (/docs): its scripts and stylesheets are files of @fastify/swagger-ui, served from here. The one page
// with inline styles: its bundle inserts a <style> element of its own at run time (a hash would break silently at each
// upgrade), and the page is the API's documentation, showing no one's data; scripts stay 'self' only.
const docs: Directives = { ...POLICIES.pages, 'style-src': ["'self'", "'unsafe-inline'"] };
// The modeler's editor (bpmn-js, diagram-js, the properties panel) sets style attributes on the SVG and the panel as it
// lays out and drags; it inserts no stylesheet. So only style attributes are allowed there, and <style> elements stay
// refused as on every page (style-src-attr, not style-src).
const modelerPage: Directives = { ...POLICIES.pages, 'style-src-attr': ["'unsafe-inline'"] };
const ALL = { ...POLICIES, reviewPage, modelerPage, docs };
type PolicyName = keyof typeof ALL;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy of a route that serves a document of its own kind; other responses get the policy of their path. */
    csp?: PolicyName;
  }
}

/**
 * The policy of a response by its path alone, not its type: a reload's 304 has no type, and the
 * browser takes the policy of the 304 for the page it had kept.
 */
function policyOf(path: string): PolicyName {
  if (path.startsWith('/api/')) return 'api';
  if (path === '/docs' || path.startsWith('/docs/')) return 'docs';
  if (path.startsWith('/review/') || path.startsWith('/ra/')) return 'reviewPage';
  if (path === '/modeler' || path.startsWith('/modeler/')) return 'modelerPage';
  // The monitor's viewer is the same bpmn-js, which sets style attributes on the SVG as it lays out and pans.
  if (path === '/monitor' || path.startsWith('/monitor/')) return 'modelerPage';
  return 'pages';
}

/**
 * The security headers of every response, by @fastify/helmet: the API's strict CSP by default, the
 * pages' own for the pages and what they load; Referrer-Policy no-referrer; nosniff (every body is sent with the type
 * it is, a letter's read from its content); X-Frame-Options DENY with frame-ancestors 'none'; and, when
 * the public address is https (TLS, usually ended at the proxy in front), Strict-Transport-Security for
 * a year, subdomains included, with insecure requests upgraded.
 */
export default fp(
  async (app) => {
    const tls = app.config.PUBLIC_BASE_URL.startsWith('https:');
    const withTls = (d: Directives): Directives => (tls ? { ...d, 'upgrade-insecure-requests': [] } : d);
    const policy = Object.fromEntries(
      Object.entries(ALL).map(([name, d]) => [name, { useDefaults: false, directives: withTls(d) }]),
    ) as Record<PolicyName, { useDefaults: false; directives: Directives }>;

    await app.register(helmet, {
      contentSecurityPolicy: policy.api,
      referrerPolicy: { policy: 'no-referrer' },
      frameguard: { action: 'deny' },
      hsts: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    });

    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0]!;
      const name = request.routeOptions.config?.csp ?? policyOf(path);
      // helmet's own per-reply override: the same headers, with this response's policy.
      if (name !== 'api') reply.helmet({ contentSecurityPolicy: policy[name] });
      // Views carry personal data: no shared or browser cache keeps them.
      if (path.startsWith('/api/')) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'security-headers', dependencies: ['config'] },
);
