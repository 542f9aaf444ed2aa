import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OutMessage } from '../../src/ports/turn.js';
import type { I18n } from '../../src/app/i18n.js';
import { renderMessage, type RenderedChoice, type RenderedMessage } from '../../src/app/render.js';
import { WEB_CAPABILITIES } from './capabilities.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Pane, PaneEvent, PaneHub, WebButton, WebView } from './panes.js';
import { relayedFile } from '../common/evidence.js';

/** The part of the i18n module (src/app/i18n.ts) the playground uses. */
export type WebI18n = Pick<I18n, 't' | 'locales'>;

/** Localizes an OutMessage for the playground. */
export type RenderFn = (out: OutMessage, i18n: I18n) => RenderedMessage;

/** The playground's rendering: src/app/render.ts `renderMessage` with what the playground gives. */
export const renderForWeb: RenderFn = (out, i18n) => renderMessage(out, i18n, WEB_CAPABILITIES);

/** Signs blob URLs so that a pane only opens the files it was shown. */
export function createBlobSigner(secret: string) {
  const sign = (blobId: string, paneId: string) =>
    createHmac('sha256', secret).update(`${blobId}\n${paneId}`).digest('base64url').slice(0, 32);
  return {
    /** The URL under which `paneId` may fetch the blob. */
    url(blobId: string, paneId: string): string {
      const q = new URLSearchParams({ p: paneId, s: sign(blobId, paneId) });
      return `/playground/blobs/${encodeURIComponent(blobId)}?${q}`;
    },
    /** True when `sig` was issued for this blob and pane. */
    verify(blobId: string, paneId: string, sig: string): boolean {
      const want = Buffer.from(sign(blobId, paneId));
      const got = Buffer.from(sig);
      return got.length === want.length && timingSafeEqual(got, want);
    },
  };
}

export type BlobSigner = ReturnType<typeof createBlobSigner>;

/** Turns engine output into pane events, in every language at once. */
export function createPresenter(deps: { i18n: I18n; render: RenderFn; blobs: BlobStore; signer: BlobSigner; hub: PaneHub; clock: Clock; logger: Logger }) {
  const { i18n, hub, logger } = deps;

  function buttons(pane: Pane, views: Record<string, WebView>): void {
    const byToken = new Map<string, Record<string, string>>();
    for (const [locale, view] of Object.entries(views)) {
      for (const b of [...view.choices, ...(view.card?.actions ?? [])]) {
        byToken.set(b.token, { ...byToken.get(b.token), [locale]: b.label });
      }
    }
    for (const [token, labels] of byToken) hub.rememberLabels(pane, token, labels);
  }

  function view(out: OutMessage, locale: string): WebView {
    const r = deps.render({ ...out, locale }, i18n);
    const button = (b: RenderedChoice): WebButton => ({ label: b.label, token: b.token, style: b.style });
    return {
      text: r.text,
      choices: r.choices.map(button),
      card: r.card ? { title: r.card.title, lines: r.card.lines, actions: r.card.actions.map(button) } : null,
    };
  }

  /** A file's event fields for a pane, or null when the blob is gone. */
  async function file(pane: Pane, blobId: string): Promise<PaneEvent['file'] | null> {
    const blob = await deps.blobs.get(blobId);
    if (!blob) return null;
    const { ref } = blob;
    const url = deps.signer.url(ref.id, pane.id);
    // Photos show as their small preview; the full file is a click away.
    const previewUrl = ref.contentType.startsWith('image/') ? url.replace(/\?/, '/preview?') : undefined;
    return { url, contentType: ref.contentType, size: ref.size, ...(ref.name ? { name: ref.name } : {}), ...(previewUrl ? { previewUrl } : {}) };
  }

  return {
    file,

    /** Shows one engine message in a pane; returns the event (its seq is the message id replies point to). */
    async show(pane: Pane, original: OutMessage): Promise<PaneEvent> {
      // A relayed file no longer kept: the message says it expired, in every language of the pane.
      const { out } = await relayedFile(original, deps.blobs, logger);
      const views: Record<string, WebView> = {};
      // A message written in its own language (the offer to switch to it) reads the same whatever the pane's language.
      for (const locale of i18n.locales) views[locale] = view(out, out.ownLanguage ? out.locale : locale);
      buttons(pane, views);
      const relayed = out.blobId ? await file(pane, out.blobId) : null;
      return hub.push(pane, {
        kind: 'bot',
        at: deps.clock.now().toISOString(),
        views,
        ...(out.caseId ? { caseId: out.caseId } : {}),
        ...(out.replaceKey ? { replaceKey: out.replaceKey } : {}),
        ...(out.expects ? { expects: out.expects } : {}),
        ...(out.language ? { language: out.language } : {}),
        ...(relayed ? { file: relayed } : {}),
      });
    },

    /** Shows a sentence of the page's own strings (errors, refusals). */
    notice(pane: Pane, id: string, args?: Record<string, string>): PaneEvent {
      return hub.push(pane, { kind: 'notice', at: deps.clock.now().toISOString(), notice: id, ...(args ? { noticeArgs: args } : {}) });
    },
  };
}

export type Presenter = ReturnType<typeof createPresenter>;
