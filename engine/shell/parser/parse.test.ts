import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Command, Stmt } from './ast.ts';
import { parseShell } from './parse.ts';

async function stmts(src: string): Promise<Stmt[]> {
  const r = await parseShell(src + '\n');
  if (r.kind !== 'ok') throw new Error(`${src}: ${r.kind}`);
  return r.stmts;
}

async function cmd(src: string): Promise<Command> {
  return (await stmts(src))[0]!.cmd!;
}

describe('operator tables match the parser', () => {
  it('maps list, pipe and redirect operators', async () => {
    for (const op of ['&&', '||', '|', '|&']) expect(await cmd(`a ${op} b`)).toMatchObject({ t: 'binary', op });
    for (const op of ['>', '>>', '<', '<>', '>|', '>&', '<&', '&>', '&>>', '<<<']) expect((await stmts(`a ${op} w`))[0]!.redirs[0]!.op).toBe(op);
    expect((await stmts('cat <<E\nx\nE'))[0]!.redirs[0]!.op).toBe('<<');
    expect((await stmts('cat <<-E\nx\nE'))[0]!.redirs[0]!.op).toBe('<<-');
  });

  it('maps parameter, arithmetic and test operators', async () => {
    for (const op of [':-', '-', ':=', '=', ':?', '?', ':+', '+', '#', '##', '%', '%%', '^', '^^', ',', ',,']) {
      const c = (await cmd(`echo \${x${op}y}`)) as Command & { t: 'call' };
      expect(c.args[1]!.parts[0]).toMatchObject({ t: 'param', exp: { op } });
    }
    for (const op of ['+', '-', '*', '/', '%', '**', '==', '!=', '<', '<=', '>', '>=', '&', '|', '^', '<<', '>>', '&&', '||', '=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=']) {
      expect(await cmd(`((x ${op} 1))`)).toMatchObject({ t: 'arithcmd', x: { t: 'bin', op } });
    }
    for (const op of ['==', '=', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef', '&&', '||']) expect(await cmd(`[[ a ${op} b ]]`)).toMatchObject({ t: 'test', x: { t: 'bin', op } });
    for (const op of ['-e', '-f', '-d', '-L', '-r', '-w', '-x', '-s', '-z', '-n', '-v']) expect(await cmd(`[[ ${op} a ]]`)).toMatchObject({ t: 'test', x: { t: 'un', op } });
    expect(await cmd('case a in x) :;; y) :;& z) :;;& esac')).toMatchObject({ items: [{ op: ';;' }, { op: ';&' }, { op: ';;&' }] });
  });

  it('lowers compound commands', async () => {
    expect(await cmd('if a; then b; elif c; then d; else e; fi')).toMatchObject({ t: 'if', else: { t: 'if', else: { t: 'if', cond: [] } } });
    expect(await cmd('for x in; do :; done')).toMatchObject({ t: 'for', items: [] });
    expect(await cmd('for x; do :; done')).toMatchObject({ t: 'for', items: undefined });
    expect(await cmd('f() { :; }')).toMatchObject({ t: 'func', name: 'f', src: '{ :; }' });
    const c = (await cmd('echo {a,b}')) as Command & { t: 'call' };
    expect(c.args[1]!.parts[0]).toMatchObject({ t: 'brace', seq: false, elems: [{ parts: [{ t: 'lit', v: 'a' }] }, { parts: [{ t: 'lit', v: 'b' }] }] });
  });
});

const SYNTAX = ['fi', 'then', 'done', '}', 'echo )', 'echo (', '| ls', '&& ls', ';', 'echo a;;', 'echo >', 'echo > ;', 'if true; then fi', 'for x in; do done', 'case x in a) ;; esac esac', 'echo a | | b'];
// Recorded from bash 5.2 (`bash -i < line`); the test re-checks them against /bin/bash when it is installed.
const BASH_SAYS: Record<string, string> = {
  fi: "syntax error near unexpected token `fi'", then: "syntax error near unexpected token `then'", done: "syntax error near unexpected token `done'", '}': "syntax error near unexpected token `}'",
  'echo )': "syntax error near unexpected token `)'", 'echo (': "syntax error near unexpected token `newline'", '| ls': "syntax error near unexpected token `|'", '&& ls': "syntax error near unexpected token `&&'",
  ';': "syntax error near unexpected token `;'", 'echo a;;': "syntax error near unexpected token `;;'", 'echo >': "syntax error near unexpected token `newline'", 'echo > ;': "syntax error near unexpected token `;'",
  'if true; then fi': "syntax error near unexpected token `fi'", 'for x in; do done': "syntax error near unexpected token `done'", 'case x in a) ;; esac esac': "syntax error near unexpected token `esac'",
  'echo a | | b': "syntax error near unexpected token `|'",
};

describe('syntax errors and incomplete input', () => {
  it.each(SYNTAX)('%s', async (src) => {
    const r = await parseShell(src + '\n');
    expect(r).toMatchObject({ kind: 'error', message: BASH_SAYS[src] });
  });

  it.runIf(existsSync('/bin/bash'))('the recorded messages match the bash installed here', () => {
    for (const src of SYNTAX) {
      const r = spawnSync('/bin/bash', ['-c', src], { encoding: 'utf8' });
      expect(r.stderr).toContain(BASH_SAYS[src]);
    }
  });

  it.each(['if true; then', "echo 'x", 'echo "x', 'cat <<EOF', 'ls |', 'echo a \\', 'a &&', 'for i in 1; do', 'case x in', 'f() {', '(echo', 'echo $(ls'])('%s is incomplete', async (src) => {
    expect((await parseShell(src + '\n')).kind).toBe('incomplete');
  });
});
