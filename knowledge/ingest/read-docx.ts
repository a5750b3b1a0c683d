// A Word (.docx) file → policy text: mammoth turns its headings, numbered lists and tables into
// HTML, which the HTML reader turns into the Markdown the block reader knows. Pure: bytes in, text out.

import { PolicyError } from '../errors.js';
import { readHtml, type HtmlText } from './read-html.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Reads a .docx; refuses password-protected, old-format and non-Word files in one sentence. */
export async function readDocx(bytes: Uint8Array, name: string): Promise<HtmlText> {
  // NOTE: Word saves a password-protected .docx as an encrypted OLE container, the same wrapper as an old .doc.
  if (startsWith(bytes, OLE)) {
    throw new PolicyError('policy_unreadable', `${name} is password-protected or an old Word (.doc) file: save it as a .docx without a password and try again.`);
  }
  if (!startsWith(bytes, ZIP)) throw new PolicyError('policy_unreadable', `${name} is not a Word document (.docx).`);
  // Loaded on first use: only an ingest of a Word file needs it.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (cause) {
    throw new PolicyError('policy_unreadable', `${name} is not a Word document (.docx): it may be another kind of zip file renamed, or damaged.`, { cause });
  }
  return readHtml(html);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
