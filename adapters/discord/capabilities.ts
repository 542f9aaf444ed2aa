import type { PlatformCapabilities } from '../../src/ports/platform.js';

/** Discord: a private thread per case for the parties in the server, the message menu's Reply, a staff channel. */
export const DISCORD_CAPABILITIES: PlatformCapabilities = { caseThreads: true, replyGesture: 'menu', staffChannel: true };
