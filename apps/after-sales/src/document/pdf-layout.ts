import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { PdfFonts } from './pdf-a';

/** A4 in points. */
const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);

export interface Column {
  text: string;
  /** Left edge, from the left margin. */
  x: number;
  width: number;
  align?: 'left' | 'right';
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  muted?: boolean;
}

/**
 * Writes a document top to bottom on A4 pages: lines of text, wrapped paragraphs, table rows and
 * rules, starting a new page when one is full and numbering the pages at the end.
 */
export class PdfLayout {
  private page: PDFPage;
  private y: number;
  private readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PdfFonts,
    private readonly footer: string,
  ) {
    this.page = this.newPage();
    this.y = PAGE[1] - MARGIN;
  }

  get contentWidth(): number {
    return PAGE[0] - 2 * MARGIN;
  }

  /** One line (wrapped when too long). */
  line(text: string, style: TextStyle = {}, x = 0, width = this.contentWidth - x): void {
    const size = style.size ?? 10;
    const font = this.font(style);
    for (const piece of wrap(text, font, size, width)) {
      this.ensure(size * 1.35);
      this.page.drawText(piece, { x: MARGIN + x, y: this.y - size, size, font, color: style.muted ? MUTED : INK });
      this.y -= size * 1.35;
    }
  }

  /** Lines side by side, each wrapped in its column; the row is as tall as its tallest cell. */
  row(columns: Column[], style: TextStyle = {}): void {
    const size = style.size ?? 9.5;
    const font = this.font(style);
    const cells = columns.map((column) => wrap(column.text, font, size, column.width));
    const height = Math.max(...cells.map((cell) => cell.length)) * size * 1.35;
    this.ensure(height);
    columns.forEach((column, index) => {
      cells[index].forEach((piece, lineIndex) => {
        const offset = column.align === 'right' ? column.width - font.widthOfTextAtSize(piece, size) : 0;
        this.page.drawText(piece, { x: MARGIN + column.x + offset, y: this.y - size - lineIndex * size * 1.35, size, font, color: style.muted ? MUTED : INK });
      });
    });
    this.y -= height;
  }

  /** Pairs of label and value, the labels in a narrow column. */
  facts(pairs: [string, string][], labelWidth = 150): void {
    for (const [label, value] of pairs) {
      this.row(
        [
          { text: label, x: 0, width: labelWidth - 8 },
          { text: value, x: labelWidth, width: this.contentWidth - labelWidth },
        ],
        { size: 10 },
      );
    }
  }

  rule(): void {
    this.ensure(8);
    this.page.drawLine({ start: { x: MARGIN, y: this.y - 3 }, end: { x: PAGE[0] - MARGIN, y: this.y - 3 }, thickness: 0.6, color: MUTED });
    this.y -= 8;
  }

  gap(points = 8): void {
    this.y -= points;
  }

  /** Starts a new page unless `points` still fit on this one. */
  ensure(points: number): void {
    if (this.y - points >= MARGIN + 24) return;
    this.page = this.newPage();
    this.y = PAGE[1] - MARGIN;
  }

  /** The footer and "page n of m" on every page. */
  finish(): void {
    const size = 7.5;
    this.pages.forEach((page, index) => {
      page.drawText(this.footer, { x: MARGIN, y: MARGIN - 10, size, font: this.fonts.regular, color: MUTED });
      const number = `Page ${index + 1} of ${this.pages.length}`;
      page.drawText(number, { x: PAGE[0] - MARGIN - this.fonts.regular.widthOfTextAtSize(number, size), y: MARGIN - 10, size, font: this.fonts.regular, color: MUTED });
    });
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage(PAGE);
    this.pages.push(page);
    return page;
  }

  private font(style: TextStyle): PDFFont {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }
}

/** Words into lines no wider than `width`; a word longer than a line is cut. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let current = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = word;
      while (font.widthOfTextAtSize(current, size) > width && current.length > 1) {
        let cut = current.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(current.slice(0, cut), size) > width) cut--;
        lines.push(current.slice(0, cut));
        current = current.slice(cut);
      }
    }
    lines.push(current);
  }
  return lines;
}
