import type { Identity } from '@carebridge/auth';
import { isUuid, NotFoundError } from '@carebridge/domain';
import { type Clock, firstOfEach } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import type { ComplaintHistory } from '../history/complaint-history';
import { ComplaintAction } from '../history/complaint-history.enums';
import { ComplaintNote } from './complaint-note.entity';
import type { AddComplaintNoteInput } from './complaint-note.inputs';

/**
 * Internal notes on complaints. A note may be added in any status, closed included, and changes
 * neither the complaint's status nor its version; the timeline records who wrote one and when (not
 * the text, so the timeline stays free of what an erasure must blank). No event carries a note.
 */
export class ComplaintNotes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly history: ComplaintHistory,
  ) {}

  add(input: AddComplaintNoteInput, author: Identity): Promise<ComplaintNote> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const [complaint] = isUuid(input.complaintId) ? await manager.query(`SELECT id FROM complaint WHERE id = $1 FOR SHARE`, [input.complaintId]) : [];
      if (!complaint) throw new NotFoundError('Complaint', input.complaintId);
      const note = await manager.save(
        manager.create(ComplaintNote, { complaintId: input.complaintId, body: input.body.trim(), authorId: author.userId, authorName: author.name ?? null, writtenAt: now }),
      );
      await this.history.record(manager, input.complaintId, {
        action: ComplaintAction.NOTE_ADDED,
        actor: { userId: author.userId, name: author.name ?? null },
        at: now,
        changes: { noteId: { to: note.id } },
      });
      return note;
    });
  }

  /** The notes of several complaints in one query, oldest first, by complaint. */
  ofEach(complaintIds: readonly string[], first: number): Promise<Map<string, ComplaintNote[]>> {
    const query = this.dataSource.getRepository(ComplaintNote).createQueryBuilder('note');
    return firstOfEach(query, 'complaintId', complaintIds, first, [['writtenAt', 'ASC'], ['id', 'ASC']]);
  }
}
