import { $, h, whileBusy } from '../js/dom.js';
import { clearNotices, showError } from '../js/notices.js';

/** The DER inside the first PEM block of a file's text. */
function pemBytes(text, label) {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`).exec(text);
  if (!m) throw new Error(label);
  return Uint8Array.from(atob(m[1].replace(/\s+/g, '')), (c) => c.charCodeAt(0));
}

/** The key from a PKCS#8 PEM file, as WebCrypto takes it: ECDSA P-256, else RSA (PKCS#1 v1.5). */
async function importKey(der) {
  try {
    return {
      key: await crypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']),
      algorithm: { name: 'ECDSA', hash: 'SHA-256' },
    };
  } catch {
    return {
      key: await crypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']),
      algorithm: { name: 'RSASSA-PKCS1-v1_5' },
    };
  }
}

const base64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

/**
 * Signs the server's one-time challenge in the browser with the key file the user picked (a real token
 * would sign the same bytes): WebCrypto's signature and the certificate go to the server, which checks
 * the chain, the CRL and the kind. The key never leaves the page.
 */
export async function signChallenge(challenge, keyFile, certFile) {
  const [keyText, certText] = await Promise.all([keyFile.text(), certFile.text()]);
  const { key, algorithm } = await importKey(pemBytes(keyText, 'PRIVATE KEY'));
  const signature = await crypto.subtle.sign(algorithm, key, new TextEncoder().encode(challenge.challenge));
  return {
    challengeId: challenge.challengeId,
    certificate: base64(pemBytes(certText, 'CERTIFICATE')),
    rawSignature: base64(signature),
  };
}

const FILE_ERROR = 'فایل کلید (PEM با PRIVATE KEY) و فایل گواهی (PEM با CERTIFICATE) را انتخاب کنید.';

/** A small form: the two files and a button; `act(signed)` sends what was signed. */
export function certificateForm(prefix, purpose, act) {
  const status = $(`#${prefix}-status`);
  $(`#${prefix}-button`).addEventListener('click', (event) =>
    whileBusy(event.currentTarget, async () => {
      clearNotices();
      status.textContent = '';
      const [keyFile] = $(`#${prefix}-key`).files;
      const [certFile] = $(`#${prefix}-cert`).files;
      if (!keyFile || !certFile) return (status.textContent = FILE_ERROR);
      try {
        const challenge = await purpose();
        const signed = await signChallenge(challenge, keyFile, certFile).catch(() => null);
        if (!signed) return (status.textContent = FILE_ERROR);
        await act(signed);
      } catch (e) {
        if (e.error) status.replaceChildren(h('span', { class: 'bad-text' }, e.error.text.fa));
        else showError(e);
      }
    }),
  );
}
