import type { PlatformCapabilities } from '../../src/ports/platform.js';

/**
 * Telegram: parties talk to the bot in their private chat (forum topics exist only in the staff group), a
 * message is answered by swiping it or its « Reply », support works in its staff group.
 */
export const TELEGRAM_CAPABILITIES: PlatformCapabilities = { caseThreads: false, replyGesture: 'swipe', staffChannel: true };
