import { isUuid, NotFoundError } from '@carebridge/domain';
import type { EntityManager } from 'typeorm';
import { Inquiry } from './inquiry.entity';

/** Locks an inquiry row for this transaction: two agents acting on it at once take turns. */
export async function lockInquiry(manager: EntityManager, id: string): Promise<Inquiry> {
  const inquiry = isUuid(id) ? await manager.findOne(Inquiry, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!inquiry) throw new NotFoundError('Inquiry', id);
  return inquiry;
}

/** The inquiry as the transaction left it, to return from a use case. */
export async function reloadInquiry(manager: EntityManager, id: string): Promise<Inquiry> {
  return (await manager.findOneBy(Inquiry, { id })) as Inquiry;
}
