import { customerErased, customerMerged } from '@carebridge/event-contracts';
import { ERASED_PLACEHOLDER } from '@carebridge/known-customers';
import { encodeEvent } from '@carebridge/messaging';
import { at, people, useInquiry } from '../inquiry.fixture';

describe("Reacting to crm's customer events (real Postgres)", () => {
  const customerId = '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c';
  const { agent } = people;
  const s = useInquiry({ customers: [customerId] });

  describe("crm's customer events", () => {
    it('anonymises an erased customer’s inquiries and re-points a merged customer’s', async () => {
      const erased = '9c8b7a6f-5e4d-4c3b-8a29-1f0e0d0c0b0a';
      await s.learnCustomer(erased);
      const inquiry = await s.receiveEmail({ customerId: erased });
      await s.consumer.deliver(encodeEvent(customerErased, { customerId: erased, erasedAt: at(10).toISOString() }, { source: 'crm', time: at(10) }));
      expect(await s.inquiries.findById(inquiry.id)).toMatchObject({ contactName: null, contactEmail: null, subject: ERASED_PLACEHOLDER, anonymisedAt: at(10) });
      expect((await s.inquiries.messages(inquiry.id)).map((m) => [m.body, m.authorName])).toEqual([[ERASED_PLACEHOLDER, null]]);
      await expect(s.receiveEmail({ customerId: erased })).rejects.toMatchObject({ extensions: { field: 'input.customerId' } });

      const duplicate = '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
      await s.learnCustomer(duplicate);
      const other = await s.receiveEmail({ customerId: duplicate });
      await s.consumer.deliver(encodeEvent(customerMerged, { survivorId: customerId, mergedId: duplicate, mergedBy: 'crm-1', mergedAt: at(20).toISOString() }, { source: 'crm', time: at(20) }));
      expect((await s.inquiries.findById(other.id))?.customerId).toBe(customerId);
      await expect(s.handling.linkCustomer({ inquiryId: other.id, customerId: duplicate }, agent)).rejects.toMatchObject({ extensions: { field: 'input.customerId' } });
    });
  });
});
