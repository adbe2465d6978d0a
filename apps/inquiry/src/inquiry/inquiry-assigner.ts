import type { Identity } from '@carebridge/auth';
import type { EntityManager } from 'typeorm';
import type { Inquiry } from './inquiry.entity';

/**
 * Who takes an inquiry: what the inquiry's steps ask of assignment (assignment/ answers it with the
 * agents' availability and capacity). Each call works in the step's transaction on a locked inquiry.
 */
export interface InquiryAssigner {
  /** Gives the inquiry to the next agent with room (round robin); false when nobody has room. */
  assignNext(manager: EntityManager, inquiry: Inquiry, actorId: string | null): Promise<boolean>;
  /** Gives the inquiry to a named agent (a supervisor's choice may exceed the agent's capacity). */
  assignTo(manager: EntityManager, inquiry: Inquiry, agentId: string, actorId: string): Promise<void>;
  /** The agent who answered a call takes it, whether or not they set their availability. */
  assignAnswering(manager: EntityManager, inquiry: Inquiry, agent: Identity): Promise<void>;
  /** Gives waiting unassigned inquiries to agents with room, after one left an agent's hands. */
  assignWaiting(manager: EntityManager): Promise<number>;
}
