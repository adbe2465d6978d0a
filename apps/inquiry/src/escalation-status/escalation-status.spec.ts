import { randomUUID } from 'node:crypto';
import { openInquiry, type InquiryWorld } from '../inquiry.fixture';
import { Inquiry } from '../inquiry/inquiry.entity';
import { ComplaintProgress } from '../inquiry/inquiry.enums';
import { EscalationStatus } from './escalation-status';

describe('waiting on an escalation without polling (real Postgres)', () => {
  let world: InquiryWorld;

  beforeAll(async () => {
    world = await openInquiry();
  });
  afterAll(() => world.close());

  it('answers as soon as the escalation leaves the status waited on, or when the wait runs out', async () => {
    const inquiry = await world.receiveEmail();
    const repository = world.db.dataSource.getRepository(Inquiry);
    await repository.update({ id: inquiry.id }, { escalatedAt: new Date(), complaintId: randomUUID(), complaintProgress: ComplaintProgress.REQUESTED });
    const status = new EscalationStatus(world.inquiries);

    const started = Date.now();
    const waiting = status.awaitChange(inquiry.id, ComplaintProgress.REQUESTED, 4);
    setTimeout(() => void repository.update({ id: inquiry.id }, { complaintProgress: ComplaintProgress.REGISTERED, complaintRegistrationNumber: 'CMP-2026-000001' }), 300);
    const registered = await waiting;
    expect(registered.complaintProgress).toBe(ComplaintProgress.REGISTERED);
    expect(Date.now() - started).toBeLessThan(3000);

    const unchanged = await status.awaitChange(inquiry.id, ComplaintProgress.REGISTERED, 1);
    expect(unchanged.complaintProgress).toBe(ComplaintProgress.REGISTERED);
    await expect(status.awaitChange(inquiry.id, ComplaintProgress.REQUESTED, 9)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'waitSeconds' } });
    await expect(status.awaitChange(randomUUID(), ComplaintProgress.REQUESTED, 0)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
