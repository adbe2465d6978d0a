import { COMPLAINT_CATEGORIES, COMPLAINT_URGENCIES, CONTACT_CHANNELS } from './complaint-taxonomy';
import { complaintSlaBreached } from './complaint.events';
import { enumOf } from './enum-of';
import { INQUIRY_CHANNELS } from './inquiry-taxonomy';
import { inquiryEscalated } from './inquiry.events';

describe('enumOf', () => {
  it('makes an enum-like object whose keys are its values, frozen', () => {
    const urgency = enumOf(COMPLAINT_URGENCIES);
    expect(urgency).toEqual({ LOW: 'LOW', MEDIUM: 'MEDIUM', HIGH: 'HIGH', CRITICAL: 'CRITICAL' });
    expect(Object.values(urgency)).toEqual([...COMPLAINT_URGENCIES]);
    expect(Object.isFrozen(urgency)).toBe(true);
  });
});

describe('the complaint taxonomy', () => {
  it('is what the contracts that carry it accept', () => {
    const escalation = inquiryEscalated.schema.shape;
    expect(escalation.category.options).toEqual([...COMPLAINT_CATEGORIES]);
    expect(escalation.urgency.options).toEqual([...COMPLAINT_URGENCIES]);
    expect(complaintSlaBreached.schema.shape.urgency.options).toEqual([...COMPLAINT_URGENCIES]);
  });

  it('lets inquiries arrive only on channels a complaint can be registered on', () => {
    for (const channel of INQUIRY_CHANNELS) expect(CONTACT_CHANNELS).toContain(channel);
  });
});
