/** SOFn, the frame header: C0–CF but C4 (Huffman tables), C8 (reserved) and CC (arithmetic conditioning). */
const isFrameHeader = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** Markers that stand alone, without a length: TEM and the restart markers RST0–RST7. */
const isStandalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);
const SOS = 0xda;
const EOI = 0xd9;

/**
 * The frame of a JPEG whose structure holds (ITU-T T.81, Annex B): SOI, segments whose lengths fit
 * the file, one frame header with a size and 1–4 components, at least one scan after it, and EOI.
 * Null for anything else: a file cut short, a header glued to something that is not an image. Node
 * has no JPEG decoder among our dependencies, and this is what a viewer needs before it decodes.
 */
export function jpegFrame(buf: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return null;
  let frame: { width: number; height: number } | null = null;
  let scans = 0;
  let i = 2;
  while (i < buf.length) {
    if (buf[i] !== 0xff) return null;
    while (buf[i] === 0xff) i++; // fill bytes before a marker
    if (i >= buf.length) return null;
    const marker = buf[i++]!;
    if (marker === EOI) return scans > 0 ? frame : null;
    if (isStandalone(marker)) continue;
    if (marker === 0x00 || marker === 0xd8 || i + 2 > buf.length) return null;
    const length = view.getUint16(i);
    if (length < 2 || i + length > buf.length) return null;
    const start = i + 2; // the segment's content, after its length
    const size = length - 2;
    i += length;
    if (isFrameHeader(marker)) {
      // precision, height, width, components, then 3 bytes per component
      const components = size >= 6 ? buf[start + 5]! : 0;
      if (frame || components < 1 || components > 4 || size !== 6 + 3 * components) return null;
      const [precision, height, width] = [buf[start]!, view.getUint16(start + 1), view.getUint16(start + 3)];
      if (precision < 2 || precision > 16 || height === 0 || width === 0) return null;
      frame = { width, height };
    } else if (marker === SOS) {
      // components, 2 bytes per component, then 3 bytes of spectral selection and approximation
      const components = size >= 1 ? buf[start]! : 0;
      if (!frame || components < 1 || components > 4 || size !== 4 + 2 * components) return null;
      scans++;
      // Entropy-coded data runs to the next marker; FF 00 is a stuffed FF, FF D0–D7 a restart.
      while (
        i + 1 < buf.length &&
        !(buf[i] === 0xff && buf[i + 1] !== 0x00 && !(buf[i + 1]! >= 0xd0 && buf[i + 1]! <= 0xd7))
      )
        i++;
      if (i + 1 >= buf.length) return null;
    }
  }
  return null;
}
