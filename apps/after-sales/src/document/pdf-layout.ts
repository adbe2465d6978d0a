import { type Color, type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { type PdfFonts, printableInChineseFont, printableInLatinFont } from './pdf-a';

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
    for (const piece of wrap(text, (candidate) => this.widthOf(candidate, style, size), width)) {
      this.ensure(size * 1.35);
      this.draw(this.page, piece, MARGIN + x, this.y - size, size, style, style.muted ? MUTED : INK);
      this.y -= size * 1.35;
    }
  }

  /** Lines side by side, each wrapped in its column; the row is as tall as its tallest cell. */
  row(columns: Column[], style: TextStyle = {}): void {
    const size = style.size ?? 9.5;
    const cells = columns.map((column) => wrap(column.text, (candidate) => this.widthOf(candidate, style, size), column.width));
    const height = Math.max(...cells.map((cell) => cell.length)) * size * 1.35;
    this.ensure(height);
    columns.forEach((column, index) => {
      cells[index].forEach((piece, lineIndex) => {
        const offset = column.align === 'right' ? column.width - this.widthOf(piece, style, size) : 0;
        this.draw(this.page, piece, MARGIN + column.x + offset, this.y - size - lineIndex * size * 1.35, size, style, style.muted ? MUTED : INK);
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
      this.draw(page, this.footer, MARGIN, MARGIN - 10, size, {}, MUTED);
      const number = `Page ${index + 1} of ${this.pages.length}`;
      page.drawText(number, { x: PAGE[0] - MARGIN - this.fonts.regular.widthOfTextAtSize(number, size), y: MARGIN - 10, size, font: this.fonts.regular, color: MUTED });
    });
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage(PAGE);
    this.pages.push(page);
    return page;
  }

  /**
   * A line of text in runs of one font each: DejaVu Sans for what it prints all of, the Chinese font
   * for text with Chinese in it that it prints all of (one face for the whole line), and only a line
   * neither prints whole split between them, character by character.
   */
  private runs(text: string, style: TextStyle): { text: string; font: PDFFont }[] {
    const latin = style.bold ? this.fonts.bold : this.fonts.regular;
    const cjk = this.fonts.cjk && (style.bold ? this.fonts.cjk.bold : this.fonts.cjk.regular);
    if (!cjk || printableInLatinFont(text)) return [{ text, font: latin }];
    if (printableInChineseFont(text)) return [{ text, font: cjk }];
    const runs: { text: string; font: PDFFont }[] = [];
    for (const character of text) {
      const font = character === ' ' || printableInLatinFont(character) ? latin : cjk;
      const last = runs[runs.length - 1];
      if (last?.font === font) last.text += character;
      else runs.push({ text: character, font });
    }
    return runs;
  }

  private widthOf(text: string, style: TextStyle, size: number): number {
    return this.runs(text, style).reduce((width, run) => width + run.font.widthOfTextAtSize(run.text, size), 0);
  }

  private draw(page: PDFPage, text: string, x: number, y: number, size: number, style: TextStyle, color: Color): void {
    let at = x;
    for (const run of this.runs(text, style)) {
      page.drawText(run.text, { x: at, y, size, font: run.font, color });
      at += run.font.widthOfTextAtSize(run.text, size);
    }
  }
}

/** Words into lines no wider than `width` (as `widthOf` measures them); a word longer than a line is cut. */
export function wrap(text: string, widthOf: (text: string) => number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let current = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (widthOf(candidate) <= width) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = word;
      while (widthOf(current) > width && current.length > 1) {
        let cut = current.length - 1;
        while (cut > 1 && widthOf(current.slice(0, cut)) > width) cut--;
        lines.push(current.slice(0, cut));
        current = current.slice(cut);
      }
    }
    lines.push(current);
  }
  return lines;
}
