import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ComplaintCategory } from '../complaint/complaint.enums';
import { FeedbackDraft, FeedbackTemplate } from './feedback-template.entity';
import { FeedbackDraftArgs, SetComplaintFeedbackTemplateInput } from './feedback-template.inputs';
import type { FeedbackTemplates } from './feedback-templates';

@Resolver(() => FeedbackTemplate)
export class FeedbackTemplateResolver {
  constructor(private readonly templates: FeedbackTemplates) {}

  @Authorized('complaint_specialist', 'supervisor')
  @Query(() => [FeedbackTemplate], { description: 'Feedback templates by name; with a category, those for it and those for any.' })
  complaintFeedbackTemplates(@Arg('category', () => ComplaintCategory, { nullable: true, description: 'Only the templates for this category and those for any; null for all templates.' }) category?: ComplaintCategory | null): Promise<FeedbackTemplate[]> {
    return this.templates.list(category);
  }

  @Authorized('supervisor')
  @Mutation(() => FeedbackTemplate, { description: 'Creates or replaces (by name) a feedback template (supervisors).' })
  setComplaintFeedbackTemplate(@Arg('input', { description: 'The template’s name, category and texts.' }) input: SetComplaintFeedbackTemplateInput, @Ctx() context: RequestContext): Promise<FeedbackTemplate> {
    return this.templates.set(input, caller(context));
  }

  @Authorized('complaint_specialist', 'supervisor')
  @Query(() => FeedbackDraft, { description: 'A template filled in for a complaint, to review and send with giveComplaintFeedback.' })
  complaintFeedbackDraft(@Args() args: FeedbackDraftArgs): Promise<FeedbackDraft> {
    return this.templates.draft(args.complaintId, args.templateId);
  }
}
