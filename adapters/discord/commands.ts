import { PermissionFlagsBits, Routes, type REST, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import type { I18n } from '../../src/app/i18n.js';
import type { TurnContent } from '../../src/ports/turn.js';
import { ESCALATION_GROUNDS } from '../../src/domain/types.js';

type OptionKind = 'string' | 'number' | 'boolean' | 'case';

/** One option of a slash command, in the order the text form of the command takes its arguments. */
export interface OptionSpec {
  name: string;
  kind: OptionKind;
  required?: boolean;
  choices?: readonly string[];
  /** Only support may use it (checked at run time, like support-only commands). */
  support?: boolean;
  maxLength?: number;
}

/** A slash command of SPEC section 2's table. */
export interface CommandSpec {
  name: string;
  /** Hidden from members without the support permission, refused at run time without the support role. */
  supportOnly?: boolean;
  options: OptionSpec[];
  /** A word the text form has at a fixed place (`/decide <id> seller`). */
  insert?: { at: number; value: string };
}

const caseOpt = (required = false): OptionSpec => ({ name: 'case', kind: 'case', required });
const text = (name: string, required = true, maxLength = 1000): OptionSpec => ({ name, kind: 'string', required, maxLength });

/** The command table (SPEC section 2); names stay English everywhere. */
export const COMMANDS: readonly CommandSpec[] = [
  { name: 'start', options: [text('token', false, 100)] },
  { name: 'link', options: [text('token', true, 100)] },
  { name: 'help', options: [] },
  { name: 'lang', options: [{ name: 'language', kind: 'string', required: true, choices: ['fr', 'en', 'ln', 'sw'] }] },
  { name: 'cancel', options: [] },
  { name: 'report', options: [] },
  { name: 'cases', options: [{ name: 'view', kind: 'string', choices: ['escalated', 'overdue', 'waiting', 'mine'], support: true }] },
  { name: 'case', options: [caseOpt(true)] },
  { name: 'escalate', options: [caseOpt(), { name: 'ground', kind: 'string', choices: ESCALATION_GROUNDS, support: true }] },
  { name: 'close', options: [caseOpt()] },
  { name: 'refund', options: [caseOpt(true), { name: 'amount', kind: 'number' }, { name: 'recover', kind: 'boolean', support: true }] },
  { name: 'tracking', options: [caseOpt(true), text('carrier', true, 40), text('number', true, 60)] },
  { name: 'decide', supportOnly: true, options: [caseOpt(true), text('note', false)], insert: { at: 1, value: 'seller' } },
  { name: 'reopen', supportOnly: true, options: [caseOpt(true), text('note', false)] },
  { name: 'ask', supportOnly: true, options: [caseOpt(true), { name: 'party', kind: 'string', required: true, choices: ['buyer', 'seller'] }, text('text')] },
  { name: 'note', supportOnly: true, options: [caseOpt(true), text('text')] },
  { name: 'suspend', supportOnly: true, options: [text('shop', true, 100), text('reason')] },
  { name: 'reinstate', supportOnly: true, options: [text('shop', true, 100)] },
  { name: 'take', supportOnly: true, options: [caseOpt(true)] },
  { name: 'release', supportOnly: true, options: [caseOpt(true)] },
];

/** The permission support commands require by default; server admins may grant them to other roles. */
export const SUPPORT_PERMISSION = PermissionFlagsBits.ManageMessages;

/** Discord's option types (https://discord.com/docs/interactions/application-commands#application-command-object-application-command-option-type). */
const OPTION_TYPE: Record<OptionKind, number> = { string: 3, case: 3, boolean: 5, number: 10 };
/** Discord's rule for command and option names. */
const NAME = /^[-_'\p{L}\p{N}]{1,32}$/u;

/** The command definitions Discord receives: English base, French localizations. */
export function commandDefinitions(i18n: I18n, scope: 'global' | 'guild' = 'guild'): RESTPutAPIApplicationCommandsJSONBody {
  const en = (id: string) => i18n.t('en', { id }, 'UTC');
  const fr = (id: string) => i18n.t('fr', { id }, 'UTC');
  const described = (id: string) => ({ description: en(id).slice(0, 100), description_localizations: { fr: fr(id).slice(0, 100) } });
  const localName = (name: string) => {
    const local = fr(`dc-optname-${name}`);
    return NAME.test(local) && local === local.toLowerCase() ? { name_localizations: { fr: local } } : {};
  };
  return COMMANDS.map((c) => ({
    name: c.name,
    type: 1,
    ...described(`dc-cmd-${c.name}`),
    // Global commands only (server commands live in their server): 0 in servers, 1 in the bot's DMs;
    // support commands run in the staff channel only.
    ...(scope === 'global' ? { contexts: c.supportOnly ? [0] : [0, 1], integration_types: [0] } : {}),
    default_member_permissions: c.supportOnly ? SUPPORT_PERMISSION.toString() : null,
    options: c.options.map((o) => ({
      type: OPTION_TYPE[o.kind],
      name: o.name,
      ...localName(o.name),
      ...described(`dc-opt-${o.name}`),
      required: o.required ?? false,
      ...(o.kind === 'case' ? { autocomplete: true, max_length: 20 } : {}),
      ...(o.maxLength ? { max_length: o.maxLength } : {}),
      ...(o.choices ? { choices: o.choices.map((v) => ({ name: en(`dc-choice-${v}`), name_localizations: { fr: fr(`dc-choice-${v}`) }, value: v })) } : {}),
    })),
  })) as RESTPutAPIApplicationCommandsJSONBody;
}

/** Registers the commands: in one server when `guildId` is set (instant), globally otherwise. */
export async function registerCommands(rest: REST, applicationId: string, guildId: string | undefined, i18n: I18n): Promise<void> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  await rest.put(route, { body: commandDefinitions(i18n, guildId ? 'guild' : 'global') });
}

/** The spec of a command name, if Palabre has it. */
export const commandSpec = (name: string) => COMMANDS.find((c) => c.name === name);

/**
 * A slash command as turn content, with the arguments in the text form's order (`/refund C-000001 5000 recover`),
 * and whether it needs the support role.
 */
export function commandContent(spec: CommandSpec, value: (name: string) => string | number | boolean | null): { content: TurnContent; support: boolean } {
  const args: string[] = [];
  let support = spec.supportOnly ?? false;
  for (const o of spec.options) {
    const v = value(o.name);
    if (v === null || v === false || (typeof v === 'string' && v.trim() === '')) continue;
    if (o.support) support = true;
    args.push(v === true ? o.name : String(v).trim());
  }
  if (spec.insert && args.length >= spec.insert.at) args.splice(spec.insert.at, 0, spec.insert.value);
  const textForm = [`/${spec.name}`, ...args].join(' ');
  return { content: { type: 'command', name: spec.name, args, text: textForm }, support };
}
