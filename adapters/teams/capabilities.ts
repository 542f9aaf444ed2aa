import type { PlatformCapabilities } from '../../src/ports/platform.js';

/**
 * Teams: parties talk to the bot in a one-to-one chat, without case threads (threads exist only in the staff
 * channel); a message is answered with its Reply action, which quotes it; support works in its staff channel.
 */
export const TEAMS_CAPABILITIES: PlatformCapabilities = { caseThreads: false, replyGesture: 'menu', staffChannel: true };
