import type { PlatformCapabilities } from '../../src/ports/platform.js';

/** Discord: a private thread per case for the parties in the server, the message menu's Reply, a staff channel. */
export const DISCORD_CAPABILITIES: PlatformCapabilities = { caseThreads: true, replyGesture: 'menu', staffChannel: true };

/**
 * What a message's reader has where it is posted: the case thread only in a party's case thread (a DM, the cases
 * channel or the staff channel has none to write in).
 */
export function discordCapabilities(inCaseThread: boolean): PlatformCapabilities {
  return { ...DISCORD_CAPABILITIES, caseThreads: inCaseThread };
}
