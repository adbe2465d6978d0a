import { caller, ListArgs, ListLoader, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintNote } from './complaint-note.entity';
import { AddComplaintNoteInput } from './complaint-note.inputs';
import type { ComplaintNotes } from './complaint-notes';

/** The staff who work on complaints write and read their notes; customers and read-only roles never see them. */
export const NOTE_ROLES = ['agent', 'complaint_specialist', 'supervisor', 'after_sales'] as const;

@Resolver(() => Complaint)
export class ComplaintNoteResolver {
  private readonly notesLoader = new ListLoader((ids, first) => this.complaintNotes.ofEach(ids, first));

  constructor(private readonly complaintNotes: ComplaintNotes) {}

  @Authorized(...NOTE_ROLES)
  @Mutation(() => ComplaintNote, { description: 'Adds an internal note to a complaint (any status); never shown to the customer.' })
  addComplaintNote(@Arg('input', { description: 'The complaint and the note’s text.' }) input: AddComplaintNoteInput, @Ctx() context: RequestContext): Promise<ComplaintNote> {
    return this.complaintNotes.add(input, caller(context));
  }

  // Nullable: a role without access gets FORBIDDEN on this field and the rest of the complaint.
  @Authorized(...NOTE_ROLES)
  @FieldResolver(() => [ComplaintNote], { nullable: true, description: 'Internal notes, oldest first; staff working on complaints only; at most `first` of them (bounded list).' })
  notes(@Root() complaint: Complaint, @Args() list: ListArgs, @Ctx() context: RequestContext): Promise<ComplaintNote[]> {
    return this.notesLoader.load(context, complaint.id, list);
  }
}
