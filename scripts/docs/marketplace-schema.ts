// The marketplace file format (MARKETPLACE_DATA) as JSON Schema, exported from the zod schema Palabre validates the
// file with: docs/marketplace.schema.json is this, written by `npm run docs`.
import { z } from 'zod';
import { marketplaceDataSchema } from '../../src/infra/file-marketplace.js';

export function marketplaceJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(marketplaceDataSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'Palabre marketplace file (MARKETPLACE_DATA)',
    description:
      'Accounts, shops, orders and carrier tracking. Beyond this schema Palabre checks that ids are unique, that every shop owner and order buyer is an account, that every order names a shop, that item prices are in the order total\'s currency, and that time zones are IANA zones.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
