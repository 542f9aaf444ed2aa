import type { PlatformCapabilities } from '../../src/ports/platform.js';

/**
 * The playground: panes without threads; a message is answered only with the page's buttons (« Répondre » under a
 * case message); a support account's commands run in its pane, there is no staff channel.
 */
export const WEB_CAPABILITIES: PlatformCapabilities = { caseThreads: false, replyGesture: 'none', staffChannel: false };
