import { createHash } from 'node:crypto';
import { issuerStaff, people, useDocuments } from './document.fixture';
import { createLogger } from '@carebridge/service-kit';
import { documentDownloadRoute, FILE_SIZE_HEADER } from './document-download.route';
import { DocumentLinks } from './document-link';
import { DocumentType } from './document.enums';

const LINK = `mutation($input: CreateDocumentLinkInput!) { createDocumentDownloadLink(input: $input) { documentId token expiresAt url } }`;
const FILE = `query($documentId: ID!, $token: String!) { documentFile(documentId: $documentId, token: $token) { documentId fileName contentType byteSize sha256 contentBase64 } }`;

describe('downloads through short-lived signed links, audited (real Postgres)', () => {
  const world = useDocuments({ AFTER_SALES_DOCUMENT_LINK_TTL_MINUTES: '10', AFTER_SALES_DOCUMENT_LINK_BASE_URL: 'https://api.carebridge.example/documents/' });
  let customerId: string;

  beforeAll(async () => {
    customerId = await world.learnCustomer();
  });
  afterEach(() => world.db.clock.set('2026-11-02T09:00:00.000Z'));

  it('hands out the file as issued to whoever holds the link until it expires, auditing the link and each download', async () => {
    const invoice = await world.issueInvoiceFor(customerId);
    const link = await world.run(people.agent, LINK, { input: { documentId: invoice.id } });
    expect(link.errors).toBeUndefined();
    const { token, expiresAt, url } = link.data.createDocumentDownloadLink;
    expect(expiresAt).toBe('2026-11-02T09:10:00.000Z');
    expect(url).toBe(`https://api.carebridge.example/documents/${invoice.id}?token=${encodeURIComponent(token)}`);

    world.db.clock.advance(9 * 60_000);
    // A customer app without a staff token: the link is the grant.
    const customerApp = { ...world.context(people.agent), identity: undefined };
    const file = await world.run(people.agent, FILE, { documentId: invoice.id, token }, customerApp);
    expect(file.errors).toBeUndefined();
    const bytes = Buffer.from(file.data?.documentFile.contentBase64, 'base64');
    expect(file.data?.documentFile).toMatchObject({ documentId: invoice.id, fileName: invoice.fileName, contentType: 'application/pdf', byteSize: bytes.length, sha256: invoice.sha256 });
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(invoice.sha256);
    expect(bytes.equals(await world.fileOf(invoice))).toBe(true);
    await world.run(people.afterSales, FILE, { documentId: invoice.id, token });

    const trail = await world.documentQueries.auditTrailOf(invoice.id);
    expect(trail.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['REQUESTED', people.agent.userId],
      ['ISSUED', issuerStaff.userId],
      ['LINK_CREATED', people.agent.userId],
      ['DOWNLOADED', 'link'],
      ['DOWNLOADED', people.afterSales.userId],
    ]);
    expect(trail[2].detail).toEqual({ expiresAt: '2026-11-02T09:10:00.000Z' });
    const audit = await world.run(people.afterSales, `query($id: ID!) { customerDocument(id: $id) { auditTrail { action actorId at } } }`, { id: invoice.id });
    expect(audit.data?.customerDocument.auditTrail.map((e: { action: string }) => e.action)).toEqual(['REQUESTED', 'ISSUED', 'LINK_CREATED', 'DOWNLOADED', 'DOWNLOADED']);
    const notForAgents = await world.run(people.agent, `query($id: ID!) { customerDocument(id: $id) { auditTrail { action } } }`, { id: invoice.id });
    expect(notForAgents.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an expired link, a forged one and one for another document, saying which, and audits the refusal', async () => {
    const invoice = await world.issueInvoiceFor(customerId);
    const other = await world.issueCertificateFor(customerId);
    const { token } = await world.documentDownloads.createLink(invoice.id, people.agent);
    const refusal = async (documentId: string, presented: string) => (await world.run(people.afterSales, FILE, { documentId, token: presented })).errors?.[0];

    expect((await refusal(other.id, token))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentId', problems: [expect.objectContaining({ rule: 'link-document' })] });
    const [version, subject, expiry, signature] = token.split('.');
    const forgedSignature = `${version}.${subject}.${expiry}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await refusal(invoice.id, forgedSignature))?.extensions).toMatchObject({ field: 'token', problems: [expect.objectContaining({ rule: 'signature' })] });
    const otherSecret = new DocumentLinks('another secret that is long enough to sign links').sign({ documentId: invoice.id, file: (invoice.sha256 as string).slice(0, 16), expiresAt: new Date('2027-01-01') });
    expect((await refusal(invoice.id, otherSecret))?.extensions).toMatchObject({ field: 'token', problems: [expect.objectContaining({ rule: 'signature' })] });
    const longerLife = `${version}.${subject}.1900000000.${signature}`;
    expect((await refusal(invoice.id, longerLife))?.extensions).toMatchObject({ field: 'token', problems: [expect.objectContaining({ rule: 'signature' })] });
    expect((await refusal(invoice.id, 'garbage'))?.extensions).toMatchObject({ field: 'token' });

    world.db.clock.advance(10 * 60_000);
    const expired = await refusal(invoice.id, token);
    expect(expired?.extensions).toMatchObject({ field: 'token', problems: [expect.objectContaining({ rule: 'expired' })] });
    expect(expired?.message).toContain('expired at 2026-11-02T09:10:00.000Z');

    const refused = (await world.documentQueries.auditTrailOf(invoice.id)).filter((entry) => entry.action === 'DOWNLOAD_REFUSED');
    expect(refused.map((entry) => [entry.actorId, entry.detail.rule])).toEqual([
      [people.afterSales.userId, 'signature'],
      [people.afterSales.userId, 'signature'],
      [people.afterSales.userId, 'signature'],
      [people.afterSales.userId, 'signature'],
      [people.afterSales.userId, 'expired'],
    ]);
    expect((await world.documentQueries.auditTrailOf(invoice.id)).some((entry) => entry.action === 'DOWNLOADED')).toBe(false);
  });

  it('serves the file on GET /documents/<id>?token=… for browsers, as an attachment that is not cached', async () => {
    const certificate = await world.issueCertificateFor(customerId);
    const { token, url } = await world.documentDownloads.createLink(certificate.id, people.agent);
    const route = documentDownloadRoute(world.documentDownloads);
    const logger = createLogger({ service: 'after-sales', level: 'silent' });
    const parsed = new URL(url as string);
    expect(parsed.pathname).toBe(`/documents/${certificate.id}`);
    const reply = await route.handle({ url: parsed, rest: parsed.pathname.slice(route.prefix.length), requestId: 'r-1', logger });
    expect(reply.status).toBe(200);
    expect(reply.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${certificate.fileName}"`,
      'cache-control': 'private, no-store',
    });
    expect(Buffer.from(reply.body as Uint8Array).equals(await world.fileOf(certificate))).toBe(true);
    const elsewhere = new URL(`https://api.carebridge.example/documents/${certificate.id}?token=${encodeURIComponent(token)}x`);
    await expect(route.handle({ url: elsewhere, rest: certificate.id, requestId: 'r-2', logger })).rejects.toMatchObject({ extensions: { field: 'token' } });
  });

  it('answers the gateway’s HEAD (head=1) with the headers and the size but not the file, and audits a signed-in download as that user', async () => {
    const certificate = await world.issueCertificateFor(customerId);
    const { url } = await world.documentDownloads.createLink(certificate.id, people.agent);
    const route = documentDownloadRoute(world.documentDownloads);
    const logger = createLogger({ service: 'after-sales', level: 'silent' });
    const parsed = new URL(url as string);
    const rest = parsed.pathname.slice(route.prefix.length);
    const head = new URL(parsed);
    head.searchParams.set('head', '1');
    const described = await route.handle({ url: head, rest, requestId: 'r-1', logger });
    expect(described).toMatchObject({ status: 200, body: '', headers: { 'content-type': 'application/pdf', [FILE_SIZE_HEADER]: String(certificate.byteSize) } });
    expect(described.headers?.['content-length']).toBeUndefined();
    await route.handle({ url: parsed, rest, identity: people.afterSales, requestId: 'r-2', logger });
    await route.handle({ url: parsed, rest, requestId: 'r-3', logger });
    const trail = await world.documentQueries.auditTrailOf(certificate.id);
    expect(trail.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['REQUESTED', people.agent.userId],
      ['ISSUED', issuerStaff.userId],
      ['LINK_CREATED', people.agent.userId],
      ['DOWNLOADED', people.afterSales.userId],
      ['DOWNLOADED', 'link'],
    ]);
  });

  it('makes no link for a document without a file, nor for roles that only count', async () => {
    const requested = await world.requestFor(customerId, DocumentType.E_INVOICE);
    await expect(world.documentDownloads.createLink(requested.id, people.agent)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', currentStatus: 'REQUESTED' } });
    const invoice = await world.issueInvoiceFor(customerId);
    expect((await world.run(people.analyst, LINK, { input: { documentId: invoice.id } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await world.run(people.agent, LINK, { input: { documentId: 'not-a-uuid' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.documentId' });
  });
});
