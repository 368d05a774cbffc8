import { decodeEncodedWords } from './mime-decoding.js';

export type Headers = ReadonlyMap<string, string>;
export interface MimeEntity {
  readonly headers: Headers;
  readonly body: string;
}

/** Splits a binary-string entity at its first empty line; the first value of a repeated header wins. */
export function parseEntity(binary: string): MimeEntity {
  const blank = /(?:^|\r?\n)\r?\n/.exec(binary);
  const head = blank ? binary.slice(0, blank.index) : binary;
  const body = blank ? binary.slice(blank.index + blank[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    // Raw 8-bit header bytes (SMTPUTF8) are UTF-8; encoded-words are decoded on top of that.
    const value = Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8');
    if (!headers.has(name)) headers.set(name, decodeEncodedWords(value));
  }
  return { headers, body };
}

export interface HeaderValue {
  readonly value: string;
  readonly params: ReadonlyMap<string, string>;
}

/** `text/plain; charset="utf-8"` → the lower-cased value and parameters by lower-cased name. */
export function parseHeaderValue(raw = ''): HeaderValue {
  const semicolon = raw.indexOf(';');
  const value = (semicolon < 0 ? raw : raw.slice(0, semicolon)).trim().toLowerCase();
  const params = new Map<string, string>();
  if (semicolon < 0) return { value, params };
  for (const m of raw.slice(semicolon).matchAll(/;\s*([^=\s;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
    params.set(m[1]!.toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? ''));
  }
  return { value, params };
}
