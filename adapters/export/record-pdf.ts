// The escalation record as a PDF for the school's own file, drawn with pdfkit in DejaVu Sans (so
// names in Latin, Greek and Cyrillic scripts print as written). Pure: record in, bytes out.

import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { EscalationRecord } from '../../bot/export/escalation-record.js';
import { formatTime } from '../../bot/format-time.js';

const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

/** Renders the record; resolves the PDF's bytes. */
export function recordPdf(record: EscalationRecord): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // The creation date is the export's own time, the one in the audit trail.
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: record.title, Subject: 'Safeguarding record (copy)', Creator: 'School social media policy assistant', CreationDate: new Date(record.exportedAt) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);

    doc.font('bold').fontSize(15).text(record.title);
    doc.moveDown(0.3).font('regular').fontSize(9).fillColor('#444')
      .text(`Exported ${formatTime(record.exportedAt)} by ${record.exportedBy}. The statutory record is the school's safeguarding system; this is a copy for the school's own file. Confidential.`);
    doc.fillColor('black');
    for (const section of record.sections) {
      if (section.fields.length === 0 && !section.lines?.length) continue;
      doc.moveDown(0.8).font('bold').fontSize(12).text(section.title);
      doc.moveDown(0.2).fontSize(10);
      for (const f of section.fields) {
        doc.font('bold').text(`${f.label}: `, { continued: true }).font('regular').text(f.value);
      }
      for (const line of section.lines ?? []) doc.font('regular').text(`• ${line}`, { indent: 8 });
    }
    doc.end();
  });
}
