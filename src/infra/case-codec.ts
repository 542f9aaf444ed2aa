import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * How case snapshots and timeline entries are kept in Redis: JSON, deflated with a preset
 * dictionary of the JSON every case repeats (keys, actors, types), which takes a timeline entry
 * from ~200 to ~80 bytes. The first byte says the format, so plain JSON (`{`) still reads and a
 * later dictionary gets a new byte. NEVER edit DICTIONARY_V1: stored entries need it to inflate.
 *
 * Measured (Node 20, a 240-byte comment): inflating costs ~7 µs an entry against ~1.2 µs for plain JSON, but
 * plain JSON would add ~125 bytes an entry in Redis (~0.7 KB an open case). The Redis case store decodes each
 * entry once per process (its timeline cache), so the deflated form stays.
 */
const FORMAT_DEFLATE_V1 = 0x01;

// zlib favours the end of a dictionary: the most frequent fragments come last.
const DICTIONARY_V1 = Buffer.from(
  [
    '"resolution":"seller_favour""resolution":"support_refund""resolution":"delivered""ground":"inactivity""ground":"harassment"',
    '"ground":"refusal""ground":"manipulation""ground":"integrity"{"type":"late_delivery"{"type":"info_provided"',
    '{"type":"info_requested","from":"seller","from":"buyer"{"type":"reopened"{"type":"note"',
    '{"type":"reminder","nudge":"seller_reminder","nudge":"buyer_escalation_open","nudge":"support_sla","nudge":"seller_reply_due","to":"seller","nudgeId":"nudge-C-0',
    '"platform":"system"},"role":"system","accountId":"system"',
    '{"type":"tracking","carrier":"dhl","number":"","delivered":false,"delivered":true,"deliveredTo":null,"deliveredTo":{"city":"","country":"CD"},"mismatch":false,"mismatch":true',
    '{"type":"refund","amount":{"amount":,"currency":"USD"},"full":true,"full":false,"viaOriginalMethod":true,"recover":false',
    '{"type":"escalated","ground":null{"type":"closed","resolution":"refunded","resolution":"buyer_closed"',
    '{"type":"evidence","kind":"photo","kind":"file","kind":"shipping_receipt","blob":{"id":"","contentType":"image/jpeg","size":,"name":"","caption":"',
    '{"id":"C-0","orderId":"CC-","buyerId":"acc-","shopId":"shop-","sellerId":"acc-","reason":"not_as_described","description":"","status":"escalated","status":"closed",',
    '"status":"open","resolution":null,"openedAt":"2026-","escalatableAt":"2026-","escalatedAt":null,"escalationGround":null,"closedAt":null,',
    '"shippingAddress":{"name":"","line1":"","city":"Kinshasa","postalCode":"","country":"CD"},"lateAt":"2027-","lateDelivery":false,',
    '"orderTotal":{"amount":,"currency":"CDF"},"refunded":{"amount":0,"currency":"CDF"},"sellerActedAt":null,"buyerWaitingSince":null,"infoRequested":null,"trackingMismatch":false,"version":',
    '{"type":"opened","at":"2026-","actor":{"accountId":"acc-","role":"buyer","platform":"web"},"caseId":"C-0","orderId":"CC-","buyerId":"acc-","shopId":"shop-","sellerId":"acc-",',
    '"reason":"non_delivery","description":"","orderTotal":{"amount":,"currency":"CDF"},"escalatableAt":"2026-","lateAt":"2027-",',
    '"actor":{"accountId":"acc-support-1","role":"support","platform":"teams"}},"text":"',
    '{"type":"comment","at":"2026-10-21T10:00:00.000Z","actor":{"accountId":"acc-","role":"seller","platform":"discord"},"text":"',
    '{"type":"comment","at":"2026-10-21T10:00:00.000Z","actor":{"accountId":"acc-","role":"buyer","platform":"telegram"},"text":"',
  ].join(''),
);

/**
 * zlib's output buffer for one call. Node's default (16 KB) is allocated afresh by every sync call, for an entry of a few
 * hundred bytes (a snapshot inflates to ~500): 2 KB holds nearly every entry in one piece (a longer one takes several,
 * joined), and made a snapshot's inflate ~40% and its deflate ~10% cheaper in CPU (Node 20). The bytes are the same.
 */
const CHUNK_BYTES = 2048;
const DEFLATE_OPTIONS = { dictionary: DICTIONARY_V1, level: 9, chunkSize: CHUNK_BYTES };
const INFLATE_OPTIONS = { dictionary: DICTIONARY_V1, chunkSize: CHUNK_BYTES };

/** A value as stored: deflated JSON behind a format byte. */
export function encodeEntry(value: unknown): Buffer {
  return encodeJson(JSON.stringify(value));
}

/** Reads a stored value, deflated or plain JSON. */
export function decodeEntry<T>(raw: Buffer): T {
  return JSON.parse(decodeJson(raw)) as T;
}

/** The stored form of a JSON text (encodeEntry, for a caller that keeps the text). */
export function encodeJson(json: string): Buffer {
  const deflated = deflateRawSync(json, DEFLATE_OPTIONS);
  return Buffer.concat([Buffer.of(FORMAT_DEFLATE_V1), deflated]);
}

/** The JSON text of a stored value, deflated or plain. */
export function decodeJson(raw: Buffer): string {
  if (raw[0] === FORMAT_DEFLATE_V1) return inflateRawSync(raw.subarray(1), INFLATE_OPTIONS).toString('utf8');
  return raw.toString('utf8');
}
