// Any policy document a school has → text the block reader knows: PDF, Word (.docx), HTML saved
// from a website, Markdown or plain text, told apart by their bytes first and their name second.

import { extname } from 'node:path';
import { PolicyError } from '../errors.js';
import { looksBinary } from './clean-text.js';
import { readDocx } from './read-docx.js';
import { readHtml } from './read-html.js';
import { readPdf } from './read-pdf.js';
import type { SetAside } from './set-aside.js';

export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'text';

export interface DocumentText {
  format: DocumentFormat;
  /** The document as text: Markdown for PDF, Word and HTML; as written for text and Markdown. */
  text: string;
  /** A title the document carries apart from its text (an HTML <title>). */
  title?: string;
  /** What the reader left out before the text (menus, scripts…), with why. */
  aside: SetAside[];
}

/** The largest file read at all: a social media policy is rarely a few hundred kilobytes. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** The longest text read as one policy (a long policy is about 60,000 characters). */
export const MAX_POLICY_CHARS = 1_000_000;
/** File name endings read as policies. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'];

/** Reads a document's bytes; refuses what is not a policy document in one sentence. */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<DocumentText> {
  const name = fileName.split(/[\\/]/).pop() || fileName;
  if (bytes.length === 0) throw new PolicyError('policy_empty', `The policy file ${name} is empty.`);
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new PolicyError('policy_unreadable', `${name} is ${megabytes(bytes.length)} MB, too large to be one policy (the limit is ${megabytes(MAX_DOCUMENT_BYTES)} MB): is it the right file?`);
  }
  const ext = extname(name).toLowerCase();
  const doc = await read(bytes, name, ext);
  if (doc.text.length > MAX_POLICY_CHARS) {
    throw new PolicyError('policy_unreadable', `${name} holds ${doc.text.length.toLocaleString('en-GB')} characters of text, too long to be one policy (the limit is ${MAX_POLICY_CHARS.toLocaleString('en-GB')}): is it the right file?`);
  }
  return doc;
}

async function read(bytes: Uint8Array, name: string, ext: string): Promise<DocumentText> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^ï»¿/, '').trimStart();
  if (head.startsWith('%PDF-')) return { format: 'pdf', text: await readPdf(bytes, name), aside: [] };
  if (ext === '.pdf') throw new PolicyError('policy_unreadable', `${name} is not a PDF (it does not start as one): is it the right file?`);
  if (ext === '.docx' || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    if (ext !== '.docx') throw new PolicyError('policy_unreadable', `${name} is a zip file or an archive, not a policy document.`);
    return { format: 'docx', ...(await readDocx(bytes, name)) };
  }
  if (looksBinary(bytes)) {
    throw new PolicyError('policy_unreadable', `${name} is not a document this can read: save the policy as PDF, Word (.docx), HTML, Markdown or plain text.`);
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (ext === '.html' || ext === '.htm' || /^<(?:!doctype html|html[\s>])/i.test(head)) return { format: 'html', ...readHtml(text) };
  return { format: ext === '.md' || ext === '.markdown' ? 'markdown' : 'text', text, aside: [] };
}

function megabytes(n: number): string {
  return (n / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
