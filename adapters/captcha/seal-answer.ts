import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// A key of its own, derived from the pepper, so the HMACs of answers and codes never share a key with this cipher.
const keyOf = (pepper: string) => Buffer.from(hkdfSync('sha256', pepper, 'payam-captcha', 'captcha-audio-answer', 32));

/**
 * The answer of a captcha, sealed for the few minutes until its audio is asked for: AES-256-GCM,
 * `iv.tag.ciphertext` in base64url. The database holds the sealed text, never the key.
 */
export function sealAnswer(answer: string, pepper: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(pepper), iv);
  const body = Buffer.concat([cipher.update(answer, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

/** The answer back; throws if the text was altered or sealed under another pepper. */
export function openAnswer(sealed: string, pepper: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body) throw new Error('sealed captcha answer is malformed');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(pepper), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
