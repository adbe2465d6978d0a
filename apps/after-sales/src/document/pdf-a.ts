import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type * as Fontkit from 'fontkit';
import { AFRelationship, PDFDocument, type PDFFont, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { srgbIccProfile } from './srgb-profile';

/**
 * The frame of every PDF after-sales issues, written to the PDF/A-3b requirements: the fonts
 * embedded (DejaVu Sans, and Noto Sans SC for Chinese text, subset, with ToUnicode maps so text can
 * be searched and extracted), an sRGB
 * output intent, XMP metadata that says PDF/A-3B and matches the document information, a document ID
 * in the trailer, no encryption, and any attached file an associated file with its relationship and
 * MIME type, as PDF/A-3 and Factur-X ask. It is not validated with veraPDF here: see
 * docs/services/after-sales.md "Documents" for what is and is not reached.
 */

export interface PdfMeta {
  title: string;
  /** The issuing company. */
  author: string;
  subject: string;
  keywords: string[];
  /** The issue time: creation and modification date, so the same content gives the same file. */
  createdAt: Date;
  language: string;
}

export interface PdfAttachment {
  fileName: string;
  bytes: Uint8Array;
  mimeType: string;
  description: string;
  relationship: 'Data' | 'Alternative' | 'Source' | 'Supplement';
}

/** Factur-X's XMP extension (its properties in the `fx` namespace). */
export interface FacturX {
  documentType: 'INVOICE';
  fileName: string;
  version: '1.0';
  conformanceLevel: 'EN 16931';
}

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
  /** Noto Sans SC, embedded only in a document with text DejaVu Sans cannot print (Chinese). */
  cjk: { regular: PDFFont; bold: PDFFont } | null;
}

const PRODUCER = 'Carebridge after-sales (pdf-lib)';

interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

let fontkitModule: typeof Fontkit | undefined;

/** fontkit, loaded on first use: it is large, and most requests (and every start) print no document. */
function fontkit(): typeof Fontkit {
  return (fontkitModule ??= require('fontkit') as typeof Fontkit);
}

let latinFiles: FontFiles | undefined;
let cjkFiles: FontFiles | undefined;

/** DejaVu Sans from the `dejavu-fonts-ttf` package: Latin, Greek and Cyrillic scripts. */
function latinFontBytes(): FontFiles {
  if (!latinFiles) {
    const directory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    latinFiles = { regular: readFileSync(join(directory, 'DejaVuSans.ttf')), bold: readFileSync(join(directory, 'DejaVuSans-Bold.ttf')) };
  }
  return latinFiles;
}

/** Noto Sans SC (Noto Sans Hans, SIL OFL 1.1) from the `@embedpdf/fonts-sc` package: simplified Chinese (and kana), not Hangul. */
function cjkFontBytes(): FontFiles {
  if (!cjkFiles) {
    const directory = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
    cjkFiles = { regular: readFileSync(join(directory, 'NotoSansHans-Regular.otf')), bold: readFileSync(join(directory, 'NotoSansHans-Bold.otf')) };
  }
  return cjkFiles;
}

/**
 * fontkit for pdf-lib: the maintained `fontkit` rather than pdf-lib's own fork, whose subsetter
 * writes CID-keyed CFF fonts (Noto Sans SC) that readers reject; pdf-lib reads the subset as a stream.
 */
const SUBSETTING_FONTKIT = {
  create(bytes: Uint8Array) {
    const font = fontkit().create(Buffer.from(bytes)) as Fontkit.Font;
    const createSubset = font.createSubset.bind(font);
    return Object.assign(font, {
      createSubset() {
        const subset = createSubset();
        return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
      },
    });
  },
} as unknown as Parameters<PDFDocument['registerFontkit']>[0];

type GlyphCoverage = { hasGlyphForCodePoint(codePoint: number): boolean };
let coverage: { latin: GlyphCoverage; cjk: GlyphCoverage } | undefined;

function glyphCoverage(): { latin: GlyphCoverage; cjk: GlyphCoverage } {
  coverage ??= { latin: fontkit().create(latinFontBytes().regular) as Fontkit.Font, cjk: fontkit().create(cjkFontBytes().regular) as Fontkit.Font };
  return coverage;
}

function isLayoutCharacter(character: string): boolean {
  return character === '\n' || character === '\r' || character === '\t';
}

/** Whether DejaVu Sans prints all of `text`; otherwise the document's Chinese font prints it. */
export function printableInLatinFont(text: string): boolean {
  const { latin } = glyphCoverage();
  for (const character of text) if (!isLayoutCharacter(character) && !latin.hasGlyphForCodePoint(character.codePointAt(0) as number)) return false;
  return true;
}

/** Whether the Chinese font prints all of `text` (it has Latin, Greek and Cyrillic letters too). */
export function printableInChineseFont(text: string): boolean {
  const { cjk } = glyphCoverage();
  for (const character of text) if (!isLayoutCharacter(character) && !cjk.hasGlyphForCodePoint(character.codePointAt(0) as number)) return false;
  return true;
}

/**
 * The characters of `text` neither document font can print (each once), e.g. Thai or emoji: the
 * use cases refuse such input naming the field rather than issue a document with empty boxes.
 */
export function unprintableCharacters(text: string): string[] {
  const { latin, cjk } = glyphCoverage();
  const missing = new Set<string>();
  for (const character of text) {
    const codePoint = character.codePointAt(0) as number;
    if (isLayoutCharacter(character)) continue;
    if (!latin.hasGlyphForCodePoint(codePoint) && !cjk.hasGlyphForCodePoint(codePoint)) missing.add(character);
  }
  return [...missing];
}

/** Every string inside a document's content, to tell which fonts it needs. */
export function textsOf(content: unknown): string[] {
  if (typeof content === 'string') return [content];
  if (Array.isArray(content)) return content.flatMap(textsOf);
  if (content && typeof content === 'object') return Object.values(content).flatMap(textsOf);
  return [];
}

/** A PDF/A-3b document under way, with the fonts its `printed` text needs. */
export async function createPdfA(meta: PdfMeta, printed: string[] = []): Promise<{ doc: PDFDocument; fonts: PdfFonts }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(SUBSETTING_FONTKIT);
  const latin = latinFontBytes();
  const needsCjk = [meta.title, meta.author, meta.subject, ...printed].some((text) => !printableInLatinFont(text));
  const cjk = needsCjk ? cjkFontBytes() : null;
  const fonts: PdfFonts = {
    regular: await doc.embedFont(latin.regular, { subset: true }),
    bold: await doc.embedFont(latin.bold, { subset: true }),
    cjk: cjk ? { regular: await doc.embedFont(cjk.regular, { subset: true }), bold: await doc.embedFont(cjk.bold, { subset: true }) } : null,
  };
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setCreationDate(meta.createdAt);
  doc.setModificationDate(meta.createdAt);
  doc.setLanguage(meta.language);
  return { doc, fonts };
}

/** Attaches the files, writes the output intent, XMP metadata and document ID, and saves. */
export async function finishPdfA(doc: PDFDocument, meta: PdfMeta, options: { attachments?: PdfAttachment[]; facturX?: FacturX } = {}): Promise<Uint8Array> {
  for (const attachment of options.attachments ?? []) {
    await doc.attach(attachment.bytes, attachment.fileName, {
      mimeType: attachment.mimeType,
      description: attachment.description,
      creationDate: meta.createdAt,
      modificationDate: meta.createdAt,
      afRelationship: AFRelationship[attachment.relationship],
    });
  }
  const context = doc.context;
  const profile = context.stream(srgbIccProfile(), { N: 3 });
  const outputIntent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(profile),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(outputIntent)]));
  const xmp = context.stream(new TextEncoder().encode(xmpPacket(meta, options.facturX)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), context.register(xmp));
  // A stable ID from the content's identity: the same document issued twice is recognisably the same.
  const id = createHash('md5').update(`${meta.title}\u0000${meta.createdAt.toISOString()}`).digest('hex');
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return doc.save({ useObjectStreams: false });
}

function xmpPacket(meta: PdfMeta, facturX: FacturX | undefined): string {
  const at = meta.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const facturXSchema = facturX
    ? `
  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>fx</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>${['DocumentFileName:The name of the embedded XML document', 'DocumentType:The type of the hybrid document in capital letters, e.g. INVOICE or ORDER', 'Version:The actual version of the standard applying to the embedded XML document', 'ConformanceLevel:The conformance level of the embedded XML document']
         .map((entry) => {
           const [name, description] = entry.split(':');
           return `
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${description}</pdfaProperty:description></rdf:li>`;
         })
         .join('')}
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
   <fx:DocumentType>${facturX.documentType}</fx:DocumentType>
   <fx:DocumentFileName>${facturX.fileName}</fx:DocumentFileName>
   <fx:Version>${facturX.version}</fx:Version>
   <fx:ConformanceLevel>${facturX.conformanceLevel}</fx:ConformanceLevel>
  </rdf:Description>`
    : '';
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${PRODUCER}</pdf:Producer>
   <pdf:Keywords>${xml(meta.keywords.join(' '))}</pdf:Keywords>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>${PRODUCER}</xmp:CreatorTool>
   <xmp:CreateDate>${at}</xmp:CreateDate>
   <xmp:ModifyDate>${at}</xmp:ModifyDate>
   <xmp:MetadataDate>${at}</xmp:MetadataDate>
  </rdf:Description>${facturXSchema}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

function xml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
