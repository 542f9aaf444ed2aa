import { randomBytes } from 'node:crypto';
import { createBullmqScheduler } from '../../src/infra/bullmq-scheduler.js';
import { createMemoryScheduler } from '../../src/infra/memory-scheduler.js';
import { describeScheduler } from '../ports/scheduler.contract.js';
import { testRedis } from '../support/redis.js';

describeScheduler('memory', async () => ({
  make: async () => createMemoryScheduler({ retryDelayMs: 50 }),
}));

describeScheduler('bullmq', async () => {
  const r = await testRedis();
  return {
    // A queue of its own per test: no job of one test can reach another's handler.
    make: async () => createBullmqScheduler({ redis: r.redis, prefix: r.prefix, queueName: `nudges-${randomBytes(4).toString('hex')}`, retryDelayMs: 100 }),
    cleanup: () => r.cleanup(),
  };
});
