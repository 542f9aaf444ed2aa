import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordAdapter } from '../../adapters/discord/index.js';
import type { TelegramAdapter } from '../../adapters/telegram/index.js';
import { Queue } from 'bullmq';
import { nextRetentionJob } from '../../src/app/evidence-retention.js';
import { composePalabre, type Palabre } from '../../src/compose.js';
import { bullPrefix } from '../../src/infra/bullmq-scheduler.js';
import { loadConfig } from '../../src/config.js';
import { createS3BlobStore } from '../../src/infra/blob-s3.js';
import { silentLogger } from '../../src/ports/logger.js';
import { addTelegram, type TestApp } from '../support/app.js';
import { startDiscordStandin, type DiscordStandin } from '../support/discord-standin.js';
import { TEST_REDIS_URL, testRedis, type TestRedis } from '../support/redis.js';
import { startS3Standin, type S3Standin } from '../support/s3-standin.js';
import { startTelegramStandin } from '../support/telegram-standin.js';
import { attachDiscord } from './discord/app-harness.js';
import { eventually, USERS } from './discord/harness.js';
import { amina, privateChat, until } from './telegram/harness.js';

type Json = Record<string, any>;
type TelegramStandin = Awaited<ReturnType<typeof startTelegramStandin>>;

/** A phone photo with the buyer's GPS position and device in its EXIF. */
async function gpsPhoto(color: string): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: color } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Tecno', Model: 'Spark 10' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '4/1 19/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '15/1 18/1 4500/100' } })
    .toBuffer();
}

let r: TestRedis;
let s3: S3Standin;
let tg: TelegramStandin;
let dc: DiscordStandin;
const dirs: string[] = [];
const closers: (() => Promise<unknown>)[] = [];

/** One Palabre process: the shared Redis and S3 bucket, a BLOB_DIR of its own (another disk). */
async function processWith(): Promise<Palabre> {
  const dir = await mkdtemp(join(tmpdir(), 'palabre-host-'));
  dirs.push(dir);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: r.prefix,
    LINK_SECRET: 'evidence-relay-link-secret-0123456789',
    BLOB_DIR: dir,
    BLOB_URL: `s3://${s3.bucket}/evidence`,
    BLOB_S3_ENDPOINT: s3.endpoint,
    AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.root,
    DISCORD_BOT_TOKEN: 'standin-token',
    DISCORD_API_URL: dc.apiUrl,
    DISCORD_APPLICATION_ID: dc.applicationId,
    DISCORD_GUILD_ID: dc.guildId,
    DISCORD_SUPPORT_ROLE_ID: dc.supportRoleId,
    DISCORD_STAFF_CHANNEL_ID: dc.staffChannelId,
  });
  const p = await composePalabre({ config, logger: silentLogger, redis: r.connect({ maxRetriesPerRequest: null }), outbox: { backoffMs: 100, maxBackoffMs: 500, sweepEveryMs: 300 } });
  closers.push(() => p.close());
  return p;
}

const discordOf = (p: Palabre): DiscordAdapter => attachDiscord(p, dc);

/** The newest bot message of a Telegram chat with a button labelled `label`, pressed by `user`. */
async function press(user: typeof amina, label: string): Promise<void> {
  let hit: { m: Json; data: string } | undefined;
  await until(() => {
    for (const m of [...tg.botMessages(user.id)].reverse()) {
      const b = (m.reply_markup?.inline_keyboard as Json[][] | undefined)?.flat().find((x) => String(x.text).includes(label));
      if (b) return Boolean((hit = { m, data: b.callback_data }));
    }
    return false;
  }, `a "${label}" button`);
  tg.push(tg.build.press(user, hit!.m, hit!.data));
}

const said = (user: typeof amina, pattern: RegExp, from = 0) => tg.botMessages(user.id).slice(from).find((m) => pattern.test(String(m.text ?? m.caption ?? '')));
const expectSaid = async (user: typeof amina, pattern: RegExp, from = 0) => {
  await until(() => Boolean(said(user, pattern, from)), `a message matching ${pattern}`);
  return said(user, pattern, from)!;
};

beforeAll(async () => {
  r = await testRedis();
  s3 = await startS3Standin();
  tg = await startTelegramStandin();
  dc = await startDiscordStandin();
  dc.addUser(USERS.bisou, { member: true });
});
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await Promise.all([dc.close(), tg.close(), s3.close()]);
  await r.cleanup();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('evidence across processes that share Redis and an S3 bucket, not a disk', () => {
  let receiver: Palabre;
  let deliverer: Palabre;

  it("relays a Telegram buyer's photo to a Discord seller from the other process, without its GPS data", async () => {
    // Process A only receives from Telegram (its outbox is not running); process B only delivers.
    receiver = await processWith();
    const telegram: TelegramAdapter = addTelegram({ p: receiver } as TestApp, { pollTimeoutSeconds: 1 });
    await telegram.start();
    closers.push(() => telegram.stop());
    deliverer = await processWith();
    const discord = discordOf(deliverer);
    addTelegram({ p: deliverer } as TestApp);
    await deliverer.start();
    await discord.start();
    closers.push(() => discord.stop());

    // Amina links on Telegram (process A), Bisou on Discord (process B).
    const aminaToken = (await receiver.linking.issue('acc-amina')).token;
    tg.push(tg.build.text(amina, privateChat(amina), `/start ${aminaToken}`));
    await until(async () => (await deliverer.links.get('telegram', String(amina.id)))?.accountId === 'acc-amina', 'amina linked');
    const bisouToken = (await deliverer.linking.issue('acc-bisou')).token;
    const id = dc.command({ user: USERS.bisou, name: 'link', options: [{ name: 'token', type: 3, value: bisouToken }] });
    await eventually(() => expect(dc.repliesTo(id)).not.toHaveLength(0));

    // Amina reports on Telegram with a phone photo.
    tg.push(tg.build.text(amina, privateChat(amina), 'ma commande n’est jamais arrivée, commandée il y a deux semaines, rien reçu'));
    await press(amina, 'CC-1001');
    await press(amina, 'Oui');
    // A photo sent before opening is kept as evidence of the case about to be opened.
    const asked = tg.botMessages(amina.id).length;
    const original = await gpsPhoto('#7a4b2a');
    const fileId = tg.addFile(original, 'photos/file_1.jpg');
    tg.push(tg.build.media(amina, privateChat(amina), { photo: [{ file_id: fileId, file_unique_id: 'gps-photo', width: 640, height: 480, file_size: original.length }] }));
    await expectSaid(amina, /1 fichier/, asked);
    await press(amina, 'Ouvrir le litige maintenant');
    await expectSaid(amina, /C-000001/);

    // Process B, which never saw the photo arrive, sends it to Bisou on Discord from the bucket.
    // The seller's card shows the photo's preview; the photo itself follows.
    const card = await dc.waitFor((c) => c.method === 'POST' && Boolean(c.body?.embeds?.[0]?.image), 'the case card with a preview', 15_000);
    const sent = await dc.waitFor((c) => c.method === 'POST' && c.files.length > 0 && !c.files[0]!.name.startsWith('preview-'), 'a Discord message with the photo', 15_000);
    const relayed = sent.files[0]!.data;
    const c = (await deliverer.store.load('C-000001'))!;
    const evidence = c.timeline.find((e) => e.type === 'evidence');
    const bucket = createS3BlobStore({ bucket: s3.bucket, prefix: 'evidence/', endpoint: s3.endpoint, credentials: s3.credentials });
    const blobId = evidence?.type === 'evidence' ? evidence.blob!.id : '';
    const kept = await bucket.get(blobId);
    expect(Buffer.from(kept!.data).equals(relayed)).toBe(true);
    expect(card.files[0]!.data.equals(Buffer.from((await bucket.preview(blobId))!.data))).toBe(true);
    expect(await exifr.parse(card.files[0]!.data, true)).toBeUndefined();
    // What reached the seller is the re-encoded photo: no GPS position, no device.
    expect(await exifr.parse(relayed, true)).toBeUndefined();
    expect(relayed.includes(Buffer.from('Tecno'))).toBe(false);
    // Neither host wrote evidence to its own disk.
    for (const dir of dirs) expect(await readdir(dir)).toEqual([]);
  });

  it('answers a photo the storage refuses with a clear message, and adds nothing to the case', async () => {
    const before = (await deliverer.store.load('C-000001'))!;
    const opened = await expectSaid(amina, /C-000001/);
    s3.refuseWrites = true;
    try {
      const from = tg.botMessages(amina.id).length;
      const second = await gpsPhoto('#224466');
      const fileId = tg.addFile(second, 'photos/file_2.jpg');
      tg.push(tg.build.media(amina, privateChat(amina), { photo: [{ file_id: fileId, file_unique_id: 'refused', width: 640, height: 480, file_size: second.length }] }, { replyTo: opened.message_id }));
      await expectSaid(amina, /n’a pas pu être enregistré.*rien n’a été ajouté au dossier/s, from);
    } finally {
      s3.refuseWrites = false;
    }
    const after = (await deliverer.store.load('C-000001'))!;
    expect(after.timeline.filter((e) => e.type === 'evidence')).toHaveLength(before.timeline.filter((e) => e.type === 'evidence').length);
    expect(after.version).toBe(before.version);
  });

  it('plans the daily retention run once, whichever processes plan it', async () => {
    await receiver.retention.plan();
    await deliverer.retention.plan();
    await receiver.retention.plan();
    const queue = new Queue('nudges', { connection: r.connect({ maxRetriesPerRequest: null }), prefix: bullPrefix(r.prefix) });
    closers.push(() => queue.close());
    const jobs = (await queue.getJobs(['delayed', 'waiting', 'active'])).filter((j) => j.id?.startsWith('evidence-retention-'));
    expect(jobs.map((j) => j.id)).toEqual([nextRetentionJob(new Date()).id]);
  });

  it('does not start on a bucket that does not exist, naming it', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', BLOB_URL: 's3://no-such-bucket/evidence', BLOB_S3_ENDPOINT: s3.endpoint, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
    const p = await composePalabre({ config, logger: silentLogger });
    closers.push(() => p.close());
    await expect(p.start()).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE', message: 'bucket no-such-bucket does not exist (s3://no-such-bucket/evidence/)' });
    const ready = await p.http.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
  });
});
