import { randomUUID } from 'node:crypto';
import { customerErased, inquiryEscalated } from '@carebridge/event-contracts';
import { createLogger } from '@carebridge/service-kit';
import { type ComplaintWorld, openComplaint, people, refusal } from '../complaint.fixture';
import { complaintAttachmentRoute } from './complaint-attachment.route';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200, 7)]);
const REQUEST = `mutation($input: RequestComplaintAttachmentUploadInput!) { requestComplaintAttachmentUpload(input: $input) { uploadUrl expiresAt maxBytes attachment { id name uploadedAt } } }`;
const FILES = `query($id: ID!) { complaint(id: $id) { files { id name contentType size uploadedAt downloadUrl messageId } conversation { id attachments { id name } } history { edges { node { action changes { field to } } } } } }`;

describe('complaint attachments as real files (real Postgres, database storage)', () => {
  let world: ComplaintWorld;
  const logger = createLogger({ service: 'complaint', level: 'silent' });
  const route = () => complaintAttachmentRoute(world.attachments);
  const call = (method: 'GET' | 'PUT', link: string, content?: Buffer) => {
    const url = new URL(link, 'http://complaint');
    const rest = url.pathname.slice('/complaint-attachments/'.length);
    return route().handle({ url, rest, method, body: content ? (async function* () { yield content; })() : undefined, requestId: 'r-1', logger, identity: people.agent });
  };

  beforeAll(async () => {
    world = await openComplaint({ COMPLAINT_FILE_MAX_BYTES: '2048' });
  });
  afterAll(() => world.close());

  async function uploadLink(complaintId: string, name = 'bag.png', messageId?: string) {
    const result = await world.run(people.agent, REQUEST, { input: { complaintId, name, messageId } });
    expect(result.errors).toBeUndefined();
    return result.data?.requestComplaintAttachmentUpload;
  }

  it('takes a file PUT to a signed upload link, checks it by content, and gives it back through a short-lived download link', async () => {
    world.db.clock.set('2026-11-02T09:00:00.000Z');
    const complaint = await world.register(await world.learnCustomer());
    const grant = await uploadLink(complaint.id, 'damaged-bag.jpg');
    expect(grant).toMatchObject({ maxBytes: 2048, attachment: { name: 'damaged-bag.jpg', uploadedAt: null } });
    expect(grant.uploadUrl).toMatch(/^\/complaint-attachments\/uploads\/[0-9a-f-]{36}\?token=v1\./);

    const put = await call('PUT', grant.uploadUrl, PNG);
    expect(put.status).toBe(201);
    // Named .jpg by the sender, recognised as PNG by its bytes.
    expect(JSON.parse(put.body as string)).toMatchObject({ contentType: 'image/png', size: PNG.length });

    const read = await world.run(people.specialist, FILES, { id: complaint.id });
    const [file] = read.data?.complaint.files ?? [];
    expect(file).toMatchObject({ name: 'damaged-bag.jpg', contentType: 'image/png', size: PNG.length, messageId: null });
    expect(read.data?.complaint.history.edges.map((e: any) => e.node.action)).toContain('ATTACHMENT_ADDED');
    const download = await call('GET', file.downloadUrl);
    expect(download).toMatchObject({ status: 200, headers: { 'content-type': 'image/png', 'x-content-type-options': 'nosniff' } });
    expect(Buffer.compare(download.body as Buffer, PNG)).toBe(0);

    // An upload link is used once; a download link expires; an upload link does not download.
    await expect(call('PUT', grant.uploadUrl, PNG)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(call('GET', grant.uploadUrl.replace('/uploads', ''))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'token' } });
    world.db.clock.advance(11 * 60_000);
    await expect(call('GET', file.downloadUrl)).rejects.toMatchObject({ extensions: { field: 'token', problems: [expect.objectContaining({ rule: 'expired' })] } });
  });

  it('refuses a disguised, an over-large and a forged upload, storing nothing', async () => {
    const complaint = await world.register(await world.learnCustomer());
    const exe = await uploadLink(complaint.id, 'photo.jpg');
    await expect(call('PUT', exe.uploadUrl, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'file', problems: [expect.objectContaining({ rule: 'content-type' })] } });
    const big = await uploadLink(complaint.id, 'big.png');
    await expect(call('PUT', big.uploadUrl, Buffer.concat([PNG, Buffer.alloc(4096)]))).rejects.toMatchObject({ extensions: { field: 'file', problems: [expect.objectContaining({ rule: 'size' })] } });
    const forged = big.uploadUrl.replace(/token=v1\.[^.]+/, `token=v1.${randomUUID()}`);
    await expect(call('PUT', forged, PNG)).rejects.toMatchObject({ extensions: { field: 'token' } });
    const read = await world.run(people.specialist, FILES, { id: complaint.id });
    expect(read.data?.complaint.files).toEqual([]);
    const bad = await world.run(people.agent, REQUEST, { input: { complaintId: complaint.id, name: '../etc/passwd' } });
    expect(refusal(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(refusal(await world.run(people.analyst, REQUEST, { input: { complaintId: complaint.id, name: 'a.png' } }))?.code).toBe('FORBIDDEN');
  });

  it('puts a customer’s file on their message in the conversation, and removes the files of an erased customer', async () => {
    const customerId = await world.learnCustomer();
    const inquiryId = randomUUID();
    await world.deliver(inquiryEscalated, {
      inquiryId, customerId, escalatedBy: 'agent-ana', escalatedAt: world.db.clock.now().toISOString(), channel: 'CHAT', category: 'BAGGAGE', urgency: 'MEDIUM',
      description: 'Bag damaged.', occurredAt: null,
      conversation: [{ direction: 'INBOUND', authorId: null, at: world.db.clock.now().toISOString(), body: 'Here is a photo of my bag.' }],
    } as any);
    const complaint = (await world.queries.list({ filter: { inquiryId } } as any)).edges[0].node;
    const [message] = await world.queries.conversationOf(complaint.id);
    const grant = await uploadLink(complaint.id, 'photo.png', message.id);
    await call('PUT', grant.uploadUrl, PNG);
    const read = await world.run(people.specialist, FILES, { id: complaint.id });
    expect(read.data?.complaint.conversation[0].attachments).toEqual([{ id: grant.attachment.id, name: 'photo.png' }]);
    const other = await world.register(customerId);
    expect(refusal(await world.run(people.agent, REQUEST, { input: { complaintId: other.id, name: 'x.png', messageId: message.id } }))).toMatchObject({ field: 'input.messageId' });

    const downloadUrl = read.data?.complaint.files[0].downloadUrl;
    await world.deliver(customerErased, { customerId, erasedAt: world.db.clock.now().toISOString() });
    await expect(call('GET', downloadUrl)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const [row] = await world.db.dataSource.query(`SELECT name, erased_at FROM complaint_attachment WHERE id = $1`, [grant.attachment.id]);
    expect(row.name).not.toBe('photo.png');
    expect(row.erased_at).not.toBeNull();
    expect(await world.db.dataSource.query(`SELECT key FROM stored_file WHERE key = $1`, [grant.attachment.id])).toEqual([]);
  });
});
