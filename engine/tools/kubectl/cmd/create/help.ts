import type { CommandDef, RunContext } from '../../cli/command.ts';
import type { FlagDef, FlagType } from '../../cli/flags.ts';
import { HELP_TEXTS } from './help-texts.ts';
import { HELP_TEXTS_134 } from './help-texts-134.ts';

/**
 * Command descriptions of the writing commands, read from kubectl's own help
 * texts (HELP_TEXTS): the long text, aliases, examples, options with their
 * defaults and usage, and the usage line. Flag types follow from the printed
 * default ("=false" is a bool, "=[]" a list, "=0" an int, "=0s" a duration);
 * the few that the default cannot tell are given by the command.
 */

interface ParsedHelp {
  long: string;
  aliases: string[];
  example?: string;
  flags: FlagDef[];
  use: string;
  commands: Map<string, string>;
}

const SECTIONS = ['Aliases:', 'Examples:', 'Available Commands:', 'Options:', 'Usage:'];

function sections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split('\n');
  let cur = 'long';
  let buf: string[] = [];
  for (const line of lines) {
    if (SECTIONS.includes(line)) {
      out.set(cur, buf.join('\n'));
      cur = line;
      buf = [];
    } else {
      buf.push(line);
    }
  }
  out.set(cur, buf.join('\n'));
  return out;
}

function flagType(defaultText: string): FlagType {
  if (defaultText === 'true' || defaultText === 'false') return 'bool';
  if (defaultText.startsWith("'")) return 'string';
  if (defaultText.startsWith('[')) return 'stringSlice';
  if (/^-?\d+$/.test(defaultText)) return 'int';
  if (/^-?\d+(\.\d+)?$/.test(defaultText)) return 'float';
  if (/^\d+(\.\d+)?(ns|us|ms|s|m|h)/.test(defaultText)) return 'duration';
  return 'string';
}

function parseFlagsBlock(block: string): FlagDef[] {
  const out: FlagDef[] = [];
  const re = /^ {4}(?:-(\w), )?--([\w-]+)=(.*):\n((?:\t.*(?:\n|$))+)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block))) {
    const defaultText = m[3]!;
    const type = flagType(defaultText);
    const usage = m[4]!.replace(/\n$/, '').slice(1);
    const def: FlagDef = { name: m[2]!, type, usage, defaultText };
    if (m[1]) def.short = m[1];
    if (type === 'bool') def.default = defaultText === 'true';
    else if (type === 'string') def.default = defaultText.slice(1, -1);
    else if (type === 'int' || type === 'float') def.default = Number(defaultText);
    else if (type === 'duration') def.default = defaultText;
    else if (type === 'stringSlice') def.default = defaultText === '[]' ? [] : defaultText.slice(1, -1).split(',');
    out.push(def);
  }
  return out;
}

/** parseHelp splits one recorded help text into its parts. */
export function parseHelp(text: string): ParsedHelp {
  const s = sections(text);
  const trim = (v: string | undefined) => (v ?? '').replace(/^\n+/, '').replace(/\n+$/, '');
  const commands = new Map<string, string>();
  for (const line of trim(s.get('Available Commands:')).split('\n')) {
    const m = /^ {2}(\S+)\s+(.*)$/.exec(line);
    if (m) commands.set(m[1]!, m[2]!);
  }
  const usage = trim(s.get('Usage:')).split('\n')[0]!.replace(/^ {2}kubectl /, '');
  return {
    long: trim(s.get('long')),
    aliases: trim(s.get('Aliases:')).split(', ').slice(1).filter(Boolean),
    example: s.has('Examples:') ? trim(s.get('Examples:')) : undefined,
    flags: parseFlagsBlock(trim(s.get('Options:')) + '\n'),
    use: usage,
    commands,
  };
}

/** FlagTweak adjusts a flag the help cannot fully describe (list kind, bare-flag value). */
export type FlagTweak = Partial<Pick<FlagDef, 'type' | 'noOptDefault' | 'hidden'>>;

/** CommandSpec is what a command adds to its help text: how it runs and how some flags parse. */
export interface CommandSpec {
  run?: (c: RunContext) => Promise<number>;
  subcommands?: CommandDef[];
  group?: string;
  /** short for top-level commands (sub-commands take theirs from the parent's list) */
  short?: string;
  tweaks?: Record<string, FlagTweak>;
  /** extra hidden flags kubectl accepts without listing them */
  hiddenFlags?: FlagDef[];
  noInterspersed?: boolean;
}

const DEFAULT_TWEAKS: Record<string, FlagTweak> = {
  'dry-run': { noOptDefault: 'unchanged' },
  validate: { noOptDefault: 'strict' },
  filename: { type: 'stringSlice' },
};

/** commandFromHelp builds a CommandDef for a path ("create deployment") from kubectl's help text. */
export function commandFromHelp(path: string, spec: CommandSpec): CommandDef {
  const text = HELP_TEXTS_134[path] ?? HELP_TEXTS[path];
  if (text === undefined) throw new Error(`no help text for ${path}`);
  const h = parseHelp(text);
  const words = path.split(' ');
  const name = words[words.length - 1]!;
  let short = spec.short;
  if (short === undefined && words.length > 1) short = parseHelp(HELP_TEXTS[words.slice(0, -1).join(' ')] ?? '').commands.get(name);
  const flags = h.flags.map((f) => {
    const t = { ...DEFAULT_TWEAKS[f.name], ...spec.tweaks?.[f.name] };
    const out: FlagDef = { ...f, ...t };
    if ((t.type === 'stringArray' || t.type === 'stringSlice') && !Array.isArray(out.default)) out.default = [];
    if (t.type === 'mapStringString') delete out.default;
    return out;
  });
  const def: CommandDef = { name, short: short ?? h.long.split('\n')[0]!.replace(/\.$/, ''), long: h.long, use: h.use, flags: [...flags, ...(spec.hiddenFlags ?? []).map((f) => ({ ...f, hidden: true }))] };
  if (h.aliases.length) def.aliases = h.aliases;
  if (h.example !== undefined) def.example = h.example;
  if (spec.run) def.run = spec.run;
  if (spec.subcommands) def.subcommands = spec.subcommands;
  if (spec.group) def.group = spec.group;
  if (spec.noInterspersed) def.noInterspersed = true;
  return def;
}
