import { caller, type RequestContext, RequestLoader } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { ConversationMessage } from '../complaint/conversation-message.entity';
import { ComplaintAttachment, ComplaintAttachmentUpload } from './complaint-attachment.entity';
import { RequestComplaintAttachmentUploadInput } from './complaint-attachment.inputs';
import type { ComplaintAttachments } from './complaint-attachments';

/** Who adds files to complaints: the staff who register and handle them. */
const UPLOAD_ROLES = ['agent', 'complaint_specialist', 'supervisor', 'after_sales'] as const;

@Resolver(() => Complaint)
export class ComplaintAttachmentResolver {
  private readonly byComplaint = new RequestLoader((ids: readonly string[]) => this.attachments.ofEach(ids));

  constructor(private readonly attachments: ComplaintAttachments) {}

  @Authorized(...UPLOAD_ROLES)
  @Mutation(() => ComplaintAttachmentUpload, { description: 'A short-lived signed link to PUT one file to (through the gateway); the file is checked before it is kept.' })
  requestComplaintAttachmentUpload(@Arg('input', { description: 'The complaint, the conversation message if any, and the file name.' }) input: RequestComplaintAttachmentUploadInput, @Ctx() context: RequestContext): Promise<ComplaintAttachmentUpload> {
    return this.attachments.requestUpload(input, caller(context));
  }

  @FieldResolver(() => [ComplaintAttachment], { description: 'Files uploaded to the complaint or its conversation, oldest first.' })
  files(@Root() complaint: Complaint, @Ctx() context: RequestContext): Promise<ComplaintAttachment[]> {
    return this.byComplaint.load(context, complaint.id);
  }
}

@Resolver(() => ConversationMessage)
export class ConversationMessageAttachmentResolver {
  private readonly byMessage = new RequestLoader((ids: readonly string[]) => this.files.ofEachMessage(ids));

  constructor(private readonly files: ComplaintAttachments) {}

  @FieldResolver(() => [ComplaintAttachment], { description: 'Files the message came with.' })
  attachments(@Root() message: ConversationMessage, @Ctx() context: RequestContext): Promise<ComplaintAttachment[]> {
    return this.byMessage.load(context, message.id);
  }
}

@Resolver(() => ComplaintAttachment)
export class ComplaintAttachmentFileResolver {
  constructor(private readonly attachments: ComplaintAttachments) {}

  @FieldResolver(() => String, { nullable: true, description: 'A signed download link valid for a few minutes (relative to the gateway unless a base URL is configured).' })
  downloadUrl(@Root() attachment: ComplaintAttachment): string | null {
    return this.attachments.downloadUrl(attachment);
  }
}
