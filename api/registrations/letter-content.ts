import { fileTypeFromBuffer } from 'file-type';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { fail, ok, type Result } from '../../domain/result.js';
import { jpegFrame } from './jpeg-structure.js';

const LETTER_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type LetterType = (typeof LETTER_TYPES)[number];
export type LetterProblem =
  'letter_type' | 'letter_unreadable' | 'letter_encrypted' | 'letter_too_many_pages' | 'letter_image_too_large';

/**
 * An A4 page scanned at 600 dpi (35 megapixels) passes; a small file that inflates to gigabytes does
 * not. Checked from the header before anything is decoded (a decoded PNG takes 4 bytes a pixel).
 */
const LETTER_MAX_PIXELS = 40_000_000;

/** Opens the PDF as a viewer would: it must parse, not be encrypted, and have 1 to maxPages pages. */
async function pdfProblem(content: Buffer, maxPages: number): Promise<LetterProblem | null> {
  let pages: number;
  try {
    const doc = await PDFDocument.load(content, { ignoreEncryption: true, updateMetadata: false });
    // A reviewer cannot open it without its password, and we keep no passwords for letters.
    if (doc.isEncrypted) return 'letter_encrypted';
    pages = doc.getPageCount();
  } catch {
    return 'letter_unreadable';
  }
  if (pages < 1) return 'letter_unreadable';
  return pages > maxPages ? 'letter_too_many_pages' : null;
}

/** Decodes the PNG (chunk CRCs, compressed data to its last row), once its header's size is known to fit. */
function pngProblem(content: Buffer): LetterProblem | null {
  if (content.length < 24 || content.toString('latin1', 12, 16) !== 'IHDR') return 'letter_unreadable';
  const [width, height] = [content.readUInt32BE(16), content.readUInt32BE(20)];
  if (width === 0 || height === 0) return 'letter_unreadable';
  if (width * height > LETTER_MAX_PIXELS) return 'letter_image_too_large';
  try {
    PNG.sync.read(content);
    return null;
  } catch {
    return 'letter_unreadable';
  }
}

function jpegProblem(content: Buffer): LetterProblem | null {
  const frame = jpegFrame(content);
  if (!frame) return 'letter_unreadable';
  return frame.width * frame.height > LETTER_MAX_PIXELS ? 'letter_image_too_large' : null;
}

/**
 * Card step 3-2: what the reviewer will open must open. The type is read from the content (not from
 * the name or the header the client sent); then the PDF is parsed and an image checked as an image,
 * so a file that only begins like one is refused here rather than failing in the reviewer's viewer.
 */
export async function inspectLetter(content: Buffer, maxPages: number): Promise<Result<LetterType, LetterProblem>> {
  const type = (await fileTypeFromBuffer(content))?.mime;
  if (!type || !(LETTER_TYPES as readonly string[]).includes(type)) return fail('letter_type');
  const mime = type as LetterType;
  const problem =
    mime === 'application/pdf'
      ? await pdfProblem(content, maxPages)
      : mime === 'image/png'
        ? pngProblem(content)
        : jpegProblem(content);
  return problem ? fail(problem) : ok(mime);
}
