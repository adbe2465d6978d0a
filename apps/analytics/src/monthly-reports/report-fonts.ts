import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type * as Fontkit from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * The report's fonts: DejaVu Sans (`dejavu-fonts-ttf`) for English, Noto Sans SC (`@embedpdf/fonts-sc`,
 * with Latin and Greek too) for Chinese, both embedded as subsets through the maintained `fontkit` —
 * the approach of after-sales' documents (apps/after-sales/src/document/pdf-a.ts), whose subsetting
 * pdf-lib's own fontkit fork gets wrong for Noto Sans SC's CID-keyed CFF.
 */
export interface ReportFonts {
  regular: PDFFont;
  bold: PDFFont;
}

const files: { en?: [Buffer, Buffer]; zh?: [Buffer, Buffer] } = {};

function fontFiles(chinese: boolean): [Buffer, Buffer] {
  if (chinese) {
    const directory = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
    return (files.zh ??= [readFileSync(join(directory, 'NotoSansHans-Regular.otf')), readFileSync(join(directory, 'NotoSansHans-Bold.otf'))]);
  }
  const directory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return (files.en ??= [readFileSync(join(directory, 'DejaVuSans.ttf')), readFileSync(join(directory, 'DejaVuSans-Bold.ttf'))]);
}

/** fontkit, loaded on first use: it is large, and most requests print no report. */
const subsettingFontkit = {
  create(bytes: Uint8Array) {
    const fontkit = require('fontkit') as typeof Fontkit;
    const font = fontkit.create(Buffer.from(bytes)) as Fontkit.Font;
    const createSubset = font.createSubset.bind(font);
    return Object.assign(font, {
      createSubset() {
        const subset = createSubset();
        return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
      },
    });
  },
} as unknown as Parameters<PDFDocument['registerFontkit']>[0];

export async function embedReportFonts(doc: PDFDocument, chinese: boolean): Promise<ReportFonts> {
  doc.registerFontkit(subsettingFontkit);
  const [regular, bold] = fontFiles(chinese);
  return { regular: await doc.embedFont(regular, { subset: true }), bold: await doc.embedFont(bold, { subset: true }) };
}
