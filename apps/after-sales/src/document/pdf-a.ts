import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { AFRelationship, PDFDocument, type PDFFont, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { srgbIccProfile } from './srgb-profile';

/**
 * The frame of every PDF after-sales issues, written to the PDF/A-3b requirements: the fonts
 * embedded (DejaVu Sans, subset, with ToUnicode maps so text can be searched and extracted), an sRGB
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
}

const PRODUCER = 'Carebridge after-sales (pdf-lib)';

let fontFiles: { regular: Buffer; bold: Buffer } | undefined;

/** DejaVu Sans from the `dejavu-fonts-ttf` package: Latin, Greek and Cyrillic scripts (no CJK). */
function fontBytes(): { regular: Buffer; bold: Buffer } {
  if (!fontFiles) {
    const directory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontFiles = { regular: readFileSync(join(directory, 'DejaVuSans.ttf')), bold: readFileSync(join(directory, 'DejaVuSans-Bold.ttf')) };
  }
  return fontFiles;
}

let glyphCoverage: { hasGlyphForCodePoint(codePoint: number): boolean } | undefined;

/**
 * The characters of `text` the document font cannot print (each once), e.g. Chinese names: the
 * use cases refuse such input naming the field rather than issue a document with empty boxes.
 */
export function unprintableCharacters(text: string): string[] {
  glyphCoverage ??= fontkit.create(fontBytes().regular) as unknown as { hasGlyphForCodePoint(codePoint: number): boolean };
  const missing = new Set<string>();
  for (const character of text) {
    const codePoint = character.codePointAt(0) as number;
    if (character === '\n' || character === '\t') continue;
    if (!glyphCoverage.hasGlyphForCodePoint(codePoint)) missing.add(character);
  }
  return [...missing];
}

export async function createPdfA(meta: PdfMeta): Promise<{ doc: PDFDocument; fonts: PdfFonts }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const files = fontBytes();
  const fonts = { regular: await doc.embedFont(files.regular, { subset: true }), bold: await doc.embedFont(files.bold, { subset: true }) };
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
