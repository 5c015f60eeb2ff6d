import { alias, unalias } from './alias.ts';
import { cd, pwd } from './cd.ts';
import { echo, printf } from './echo.ts';
import { brk, cont, evalBuiltin, exec, exit, getopts, letBuiltin, logout, ret, source, trap } from './flow.ts';
import { builtinCmd, complete, hash, help, history, makeCommand, makeType, times, ulimit } from './info.ts';
import { jobs, kill, wait } from './jobs.ts';
import { mapfile, read } from './read.ts';
import { test } from './test.ts';
import type { Builtin } from './types.ts';
import { declBuiltin, set, shift, shopt, umask, unset } from './vars.ts';

const ok: Builtin = () => 0;
const no: Builtin = () => 1;

const TABLE: Array<[string, Builtin]> = [
  [':', ok], ['true', ok], ['false', no], ['.', source], ['source', source], ['[', test], ['test', test],
  ['alias', alias], ['unalias', unalias], ['cd', cd], ['pwd', pwd], ['echo', echo], ['printf', printf],
  ['exit', exit], ['logout', logout], ['return', ret], ['break', brk], ['continue', cont], ['eval', evalBuiltin],
  ['exec', exec], ['let', letBuiltin], ['getopts', getopts], ['trap', trap], ['read', read], ['mapfile', mapfile],
  ['readarray', mapfile], ['declare', declBuiltin], ['typeset', declBuiltin], ['local', declBuiltin],
  ['export', declBuiltin], ['readonly', declBuiltin], ['unset', unset], ['set', set], ['shopt', shopt],
  ['shift', shift], ['umask', umask], ['history', history], ['hash', hash], ['help', help], ['times', times],
  ['ulimit', ulimit], ['complete', complete], ['compgen', complete], ['compopt', complete], ['jobs', jobs],
  ['wait', wait], ['kill', kill], ['builtin', builtinCmd], ['disown', ok], ['enable', ok], ['suspend', ok],
];

const NAMES = new Set([...TABLE.map(([n]) => n), 'type', 'command']);

/** BUILTINS maps every shell builtin name to its implementation; a duplicate name is a startup error. */
export const BUILTINS: ReadonlyMap<string, Builtin> = (() => {
  const m = new Map<string, Builtin>();
  for (const [n, b] of [...TABLE, ['type', makeType(NAMES)] as [string, Builtin], ['command', makeCommand(NAMES)] as [string, Builtin]]) {
    if (m.has(n)) throw new Error(`duplicate builtin ${n}`);
    m.set(n, b);
  }
  return m;
})();
