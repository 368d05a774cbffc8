/*
 * Message text is handled as "binary strings" (one char per byte, latin1) until the charset is
 * known, because a multi-byte UTF-8 character may be split across quoted-printable escapes,
 * base64 chunks or adjacent encoded-words and must be decoded from the joined bytes.
 */

export function decodeCharset(bytes: Buffer, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset.trim().toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString('utf8'); // an unknown label is likelier to mean UTF-8 than anything else
  }
}

export function decodeQuotedPrintable(binary: string, underscoreIsSpace = false): Buffer {
  const unfolded = binary.replace(/=\r?\n/g, ''); // soft line breaks
  const text = underscoreIsSpace ? unfolded.replace(/_/g, ' ') : unfolded;
  const decoded = text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(decoded, 'latin1');
}

export function decodeTransferEncoding(binary: string, encoding = '7bit'): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(binary.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(binary);
    default:
      return Buffer.from(binary, 'latin1'); // 7bit, 8bit, binary: the bytes as they came
  }
}

const ENCODED_WORD = /=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g;

/** RFC 2047: whitespace between two encoded-words is folding, not content, so it is dropped. */
export function decodeEncodedWords(value: string): string {
  let out = '',
    pending: { charset: string; bytes: Buffer[] } | undefined,
    last = 0;
  const flush = (): void => {
    if (pending) out += decodeCharset(Buffer.concat(pending.bytes), pending.charset);
    pending = undefined;
  };
  for (const m of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, m.index);
    if (!(pending && /^[ \t\r\n]*$/.test(between))) {
      flush();
      out += between;
    }
    const [, charset = 'utf-8', kind = 'Q', text = ''] = m;
    const bytes = kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text, true);
    if (pending && pending.charset.toLowerCase() !== charset.toLowerCase()) flush();
    pending ??= { charset, bytes: [] };
    pending.bytes.push(bytes);
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}
