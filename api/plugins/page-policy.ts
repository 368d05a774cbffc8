import path from 'node:path';

// The pages run their own scripts and call only this API; nothing is loaded from elsewhere (no CDN).
// Inline styles and data: fonts are allowed for the letter, which the form opens as a blob of its origin.
const PAGES: Record<string, string> = {
  'default-src': "'self'", 'script-src': "'self'", 'style-src': "'self' 'unsafe-inline'", 'img-src': "'self' data:",
  'font-src': "'self' data:", 'connect-src': "'self'", 'object-src': "'none'", 'base-uri': "'none'", 'frame-ancestors': "'none'", 'form-action': "'self'",
};

// The reviewer page shows the letter it fetched with the staff token, as a blob URL of its own origin:
// an <img>, or a PDF in a frame (Chromium's viewer is a plugin inside it, which `object-src` governs).
const REVIEW_PAGE = { ...PAGES, 'img-src': "'self' data: blob:", 'frame-src': 'blob:', 'object-src': 'blob:' };

const serialize = (policy: Record<string, string>) => Object.entries(policy).map(([k, v]) => `${k} ${v}`).join('; ');
const PAGES_CSP = serialize(PAGES);
const REVIEW_CSP = serialize(REVIEW_PAGE);

/** The Content-Security-Policy of an HTML page, by its path relative to api/public. */
export const pagePolicy = (relativePath: string) => (relativePath.split(path.sep)[0] === 'review' ? REVIEW_CSP : PAGES_CSP);
