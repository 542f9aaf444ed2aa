import type { Platform } from '../domain/types.js';

/** Which platform messages and threads belong to which case. */
export interface ThreadRegistry {
  /** Remembers that a message the bot sent is about a case, so a reply to it is a comment. */
  rememberMessage(platform: Platform, conversationId: string, messageId: string, caseId: string): Promise<void>;
  /** The case a sent message is about, or null. */
  caseOfMessage(platform: Platform, conversationId: string, messageId: string): Promise<string | null>;
  /** Records a case's thread on a platform for an audience (`parties`, `staff`, or an account id). */
  setCaseThread(platform: Platform, caseId: string, audience: string, address: string): Promise<void>;
  /** A case's thread address on a platform for an audience, or null. */
  caseThread(platform: Platform, caseId: string, audience: string): Promise<string | null>;
  /** The case a thread belongs to, or null. */
  caseOfThread(platform: Platform, address: string): Promise<string | null>;
}
