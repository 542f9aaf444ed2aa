/**
 * What a chat platform gives the people Palabre talks to there. Each adapter declares its own; the engine and the
 * shared rendering read them to pick the sentence that is true where the reader is, never the platform's name.
 */
export interface PlatformCapabilities {
  /**
   * The reader is in a thread or topic of their own case, where what they write is added to it (Discord's private
   * case threads). An adapter whose platform has them says so for the messages it posts there, false elsewhere.
   */
  caseThreads: boolean;
  /**
   * The platform's own gesture to answer one message: a swipe or « Reply » on the message (Telegram), the
   * message's Reply menu (Discord, Teams); `none` where only Palabre's buttons answer (the playground).
   */
  replyGesture: 'swipe' | 'menu' | 'none';
  /**
   * Support has a staff channel or group of its own, the only place its commands run; false where a support
   * account's commands run wherever it writes (the playground's panes).
   */
  staffChannel: boolean;
}
