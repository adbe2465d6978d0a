import { Arg, Authorized, Int, Query, Resolver } from 'type-graphql';
import type { DevelopmentMailbox } from './development-mailbox';
import { DevelopmentMail } from './development-mail.entity';

@Resolver(() => DevelopmentMail)
export class DevelopmentMailboxResolver {
  constructor(private readonly mailbox: DevelopmentMailbox) {}

  @Authorized()
  @Query(() => [DevelopmentMail], { description: 'Development and tests only: the mails the local SMTP catcher took, newest first (FORBIDDEN with a real SMTP server).' })
  developmentMailbox(@Arg('to', () => String, { nullable: true }) to: string | null, @Arg('first', () => Int, { defaultValue: 20 }) first: number): Promise<DevelopmentMail[]> {
    return this.mailbox.list({ to, first });
  }
}
