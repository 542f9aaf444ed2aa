// Renders docs/configuration.md from the zod schemas that validate the environment: every variable,
// its default, what it accepts and what it is for. Generic on purpose: a variable added to the schema
// appears here on the next `npm run docs`, and test/docs/generated.test.ts fails until it does.
import { z } from 'zod';
import { envSchema } from '../../src/config.js';
import { policyEnvSchema } from '../../src/domain/policy.js';

/** One variable as the page shows it. */
export interface VariableDoc {
  name: string;
  section: string;
  description: string | undefined;
  default: string | undefined;
  accepts: string;
}

type JsonSchema = {
  /** Words for a refined string (a URL, a time zone), from `.meta({ accepts })` in the schema. */
  accepts?: string;
  type?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
};

/** Sections by name prefix, first match wins; the rest is "General". */
const SECTIONS: [RegExp, string][] = [
  [/^POLICY_/, 'Dispute policy'],
  [/^REDIS_/, 'Redis'],
  [/^MARKETPLACE_/, 'Marketplace'],
  [/^TELEGRAM_/, 'Telegram'],
  [/^DISCORD_/, 'Discord'],
  [/^(Microsoft|TEAMS_)/, 'Microsoft Teams'],
  [/^(PLAYGROUND|DEMO_)/, 'Playground and demo'],
];

function sectionOf(name: string): string {
  return SECTIONS.find(([re]) => re.test(name))?.[1] ?? 'General';
}

/** What a value must look like, in words, from the JSON Schema of the field's input. */
function accepts(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.enum) parts.push(`one of ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  else if (s.type === 'integer') parts.push('a whole number');
  else if (s.type === 'number') parts.push('a number');
  else parts.push(s.accepts ?? 'text');
  if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`from ${s.minimum} to ${s.maximum}`);
  else if (s.minimum !== undefined) parts.push(`at least ${s.minimum}`);
  else if (s.exclusiveMinimum !== undefined) parts.push(`greater than ${s.exclusiveMinimum}`);
  else if (s.maximum !== undefined) parts.push(`at most ${s.maximum}`);
  if (s.minLength !== undefined) parts.push(`at least ${s.minLength} characters`);
  if (s.maxLength !== undefined) parts.push(`at most ${s.maxLength} characters`);
  if (s.pattern) parts.push(`matching \`/${s.pattern}/\``);
  return parts.join(', ');
}

/** Every variable of the environment schemas, in schema order. */
export function variables(): VariableDoc[] {
  const out: VariableDoc[] = [];
  for (const schema of [envSchema, policyEnvSchema] as z.ZodObject[]) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, JsonSchema> };
    for (const [name, field] of Object.entries(json.properties)) {
      out.push({
        name,
        section: sectionOf(name),
        description: field.description,
        default: field.default === undefined ? undefined : String(field.default),
        accepts: accepts(field),
      });
    }
  }
  return out;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The whole page, as checked in at docs/configuration.md. */
export function configurationPage(): string {
  const vars = variables();
  const sections = [...new Set(vars.map((v) => v.section))].sort((a, b) =>
    a === 'General' ? -1 : b === 'General' ? 1 : 0,
  );
  const lines = [
    '# Configuration',
    '',
    '<!-- Generated from the zod schemas in src/config.ts and src/domain/policy.ts by `npm run docs`. Do not edit by hand: change the schema and run it again. -->',
    '',
    'Palabre reads its configuration from the environment (a `.env` file in the working directory is read too).',
    'Empty (or blank) values count as unset. A bad value stops the process at start with one line naming the variable,',
    'for instance `palabre: configuration error: PORT: Invalid input: expected number, received NaN`.',
    '',
    'Rules across variables (checked at start as well):',
    '',
    '- `LINK_SECRET` is required when `REDIS_URL` is set.',
    '- `MARKETPLACE_DATA` and `MARKETPLACE_API_URL` cannot both be set.',
    '- `PLAYGROUND=1` outside the embedded mode requires `PLAYGROUND_TOKEN`.',
    '- `TELEGRAM_WEBHOOK_SECRET` requires `TELEGRAM_BOT_TOKEN`.',
    '',
    'Then the start itself stops with one line naming the variable when `REDIS_URL`\'s Redis does not answer within',
    '10 seconds (`palabre: failed to start: REDIS_URL: Redis does not answer after 10 s (connect ECONNREFUSED …)`), when',
    '`PORT` is already taken, or when `HOST` is not an address of the machine.',
    '',
    'Durations are ISO-8601 (`P100D` is 100 days, `PT24H` 24 hours, `P1DT12H` a day and a half); each must be positive.',
    '',
  ];
  for (const section of sections) {
    lines.push(`## ${section}`, '', '| variable | default | accepts | what for |', '| --- | --- | --- | --- |');
    for (const v of vars.filter((x) => x.section === section)) {
      const def = v.default === undefined ? '(unset)' : `\`${v.default}\``;
      lines.push(`| \`${v.name}\` | ${cell(def)} | ${cell(v.accepts)} | ${cell(v.description ?? '(undocumented)')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
