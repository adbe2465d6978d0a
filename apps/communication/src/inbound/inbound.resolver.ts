import { Arg, Authorized, Mutation, Resolver } from 'type-graphql';
import type { InboundMail } from './inbound-mail';
import { InboundMessage } from './inbound-message.entity';
import { ReceiveInboundEmailInput } from './inbound.inputs';

@Resolver(() => InboundMessage)
export class InboundResolver {
  constructor(private readonly inbound: InboundMail) {}

  @Authorized('integration')
  @Mutation(() => InboundMessage, {
    description: "The mail provider's inbound webhook: an e-mail to the support address. The same Message-ID is taken once; auto-replies and loops are recorded as dropped.",
  })
  receiveInboundEmail(@Arg('input') input: ReceiveInboundEmailInput): Promise<InboundMessage> {
    return this.inbound.receive(input.rawMessage, input.recipients ?? []);
  }
}
