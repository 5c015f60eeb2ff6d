import type { Process } from '../../host/process.ts';
import { readAll } from '../../host/streams.ts';
import { absPath } from '../../host/fs/path.ts';
import { FsError } from '../../host/types.ts';
import type { Node } from './ast.ts';
import type { NativeIO } from './builtins.ts';
import { BreakSignal, StepLimit } from './eval.ts';
import { dump, quoteString, toJSON, type DumpOptions } from './format.ts';
import { HELP, SHORT_USAGE, USAGE_HINT } from './help.ts';
import { formatCompileErrors, Interp } from './interp.ts';
import { JsonStream, parseAll } from './json-parse.ts';
import { JqError, type Value } from './values.ts';

/**
 * jq 1.6 as a host program: options, inputs (stdin or files read as one
 * stream, raw lines, slurp), the output printer and exit codes (1/4 with -e,
 * 2 for usage and unreadable files, 3 for compile errors, 4 for bad input JSON,
 * 5 for runtime errors).
 */
interface Options {
  filter?: string;
  files: string[];
  positional: Value[];
  named: Map<string, Value>;
  nullInput: boolean;
  rawInput: boolean;
  slurp: boolean;
  rawOutput: boolean;
  joinOutput: boolean;
  ascii: boolean;
  compact: boolean;
  tab: boolean;
  indent: number;
  sortKeys: boolean;
  color?: boolean;
  exitStatus: boolean;
  seq: boolean;
  stream: boolean;
}

class Usage {
  constructor(
    readonly text: string,
    readonly code = 2,
  ) {}
}

/** MORE says streamed stdin has not delivered the next value yet. */
const MORE = Symbol('more');

class HaltSignal {
  constructor(readonly code: number) {}
}

function fileError(e: unknown): string {
  if (e instanceof FsError) {
    const m = /^(E[A-Z]+)/.exec(e.message);
    const texts: Record<string, string> = { ENOENT: 'No such file or directory', EACCES: 'Permission denied', EISDIR: 'Is a directory' };
    if (m && texts[m[1]!]) return texts[m[1]!]!;
  }
  const msg = String((e as Error)?.message ?? e);
  if (/ENOENT|no such file/i.test(msg)) return 'No such file or directory';
  if (/EACCES|permission/i.test(msg)) return 'Permission denied';
  if (/EISDIR|is a directory/i.test(msg)) return 'Is a directory';
  return msg;
}

function parseArgs(p: Process, argv: string[]): Options {
  const o: Options = { files: [], positional: [], named: new Map(), nullInput: false, rawInput: false, slurp: false, rawOutput: false, joinOutput: false, ascii: false, compact: false, tab: false, indent: 2, sortKeys: false, exitStatus: false, seq: false, stream: false };
  let fromFile: string | undefined;
  let further: 'files' | 'args' | 'jsonargs' = 'files';
  const prog = p.argv[0] ?? 'jq';
  const hint = (msg: string): Usage => new Usage(`${prog}: ${msg}\n${USAGE_HINT(prog)}`);
  const readFileArg = (f: string): string => p.fs.readFile(absPath(p.cwd, f));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const positional = (): void => {
      if (o.filter === undefined && fromFile === undefined) o.filter = a;
      else if (further === 'args') o.positional.push(a);
      else if (further === 'jsonargs') {
        try {
          const vals = parseAll(a);
          if (vals.length !== 1) throw new Error('bad');
          o.positional.push(vals[0]!);
        } catch {
          throw hint('Invalid JSON text passed to --jsonargs');
        }
      } else o.files.push(a);
    };
    // like jq 1.6's isoptish: only -x (a letter) and --x are options; "-5 | length" is a filter
    if (!/^-(-|[a-zA-Z])/.test(a)) {
      positional();
      continue;
    }
    if (a.startsWith('--')) {
      const name = a.slice(2);
      const need = (n: number, msg: string): string[] => {
        if (i + n >= argv.length) throw hint(msg);
        const got = argv.slice(i + 1, i + 1 + n);
        i += n;
        return got;
      };
      switch (name) {
        case '':
          // jq 1.6 treats the rest as positional
          continue;
        case 'null-input': o.nullInput = true; break;
        case 'raw-input': o.rawInput = true; break;
        case 'slurp': o.slurp = true; break;
        case 'raw-output': o.rawOutput = true; break;
        case 'join-output': o.rawOutput = true; o.joinOutput = true; break;
        case 'ascii-output': o.ascii = true; break;
        case 'compact-output': o.compact = true; break;
        case 'tab': o.tab = true; break;
        case 'sort-keys': o.sortKeys = true; break;
        case 'color-output': o.color = true; break;
        case 'monochrome-output': o.color = false; break;
        case 'exit-status': o.exitStatus = true; break;
        case 'seq': o.seq = true; break;
        case 'stream': o.stream = true; break;
        case 'unbuffered': break;
        case 'args': further = 'args'; break;
        case 'jsonargs': further = 'jsonargs'; break;
        case 'version': throw new Usage('jq-1.6\n', 0);
        case 'help': throw new Usage(HELP(prog), 0);
        case 'indent': {
          const [n] = need(1, '--indent takes one parameter');
          const v = Number(n);
          if (!/^-?\d+$/.test(n!) || v < -1 || v > 7) throw hint('--indent takes a number between -1 and 7');
          o.indent = v;
          break;
        }
        case 'arg': {
          const [k, v] = need(2, '--arg takes two parameters (e.g. --arg varname value)');
          if (!o.named.has(k!)) o.named.set(k!, v!);
          break;
        }
        case 'argjson': {
          const [k, text] = need(2, '--argjson takes two parameters (e.g. --argjson varname text)');
          let vals: Value[];
          try {
            vals = parseAll(text!);
          } catch {
            throw hint('invalid JSON text passed to --argjson');
          }
          if (vals.length !== 1) throw hint('invalid JSON text passed to --argjson');
          if (!o.named.has(k!)) o.named.set(k!, vals[0]!);
          break;
        }
        case 'slurpfile':
        case 'rawfile': {
          const [k, f] = need(2, `--${name} takes two parameters (e.g. --${name} varname filename)`);
          let text: string;
          try {
            text = readFileArg(f!);
          } catch (e) {
            throw new Usage(`jq: Bad JSON in --${name} ${k} ${f}: Could not open ${f}: ${fileError(e)}\n`);
          }
          if (name === 'rawfile') o.named.set(k!, text);
          else {
            try {
              o.named.set(k!, parseAll(text));
            } catch (e) {
              throw new Usage(`jq: Bad JSON in --${name} ${k} ${f}: ${(e as Error).message}\n`);
            }
          }
          break;
        }
        case 'from-file': {
          const [f] = need(1, '-f takes a parameter: (e.g. -f filename)');
          fromFile = f;
          break;
        }
        default:
          throw hint(`Unknown option ${a}`);
      }
      continue;
    }
    // short options, possibly combined (-nr)
    const letters = a.slice(1);
    for (const c of letters) {
      switch (c) {
        case 'n': o.nullInput = true; break;
        case 'R': o.rawInput = true; break;
        case 's': o.slurp = true; break;
        case 'r': o.rawOutput = true; break;
        case 'j': o.rawOutput = true; o.joinOutput = true; break;
        case 'a': o.ascii = true; break;
        case 'c': o.compact = true; break;
        case 'S': o.sortKeys = true; break;
        case 'C': o.color = true; break;
        case 'M': o.color = false; break;
        case 'e': o.exitStatus = true; break;
        case 'h': throw new Usage(HELP(prog), 0);
        case 'f': {
          if (i + 1 >= argv.length) throw hint('-f takes a parameter: (e.g. -f filename)');
          fromFile = argv[++i];
          break;
        }
        default:
          throw hint(`Unknown option ${a}`);
      }
    }
  }
  if (fromFile !== undefined) {
    if (o.filter !== undefined) {
      o.files.unshift(o.filter);
    }
    try {
      o.filter = readFileArg(fromFile);
    } catch (e) {
      throw new Usage(`jq: error: Could not open ${fromFile}: ${fileError(e)}\n`);
    }
  }
  return o;
}

/** streamEvents is --stream's view of a value: [path, leaf] pairs and [path] closings. */
function streamEvents(v: Value): Value[] {
  const out: Value[] = [];
  const walk = (x: Value, path: Value[]): void => {
    const entries: Array<[Value, Value]> = Array.isArray(x) ? x.map((e, i) => [i, e]) : x instanceof Map ? [...x] : [];
    if (entries.length === 0) {
      out.push([path, x]);
      return;
    }
    for (const [k, e] of entries) walk(e, [...path, k]);
    out.push([[...path, entries[entries.length - 1]![0]]]);
  };
  walk(v, []);
  return out;
}

export async function jqProgram(p: Process): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(p, p.argv.slice(1));
  } catch (e) {
    if (e instanceof Usage) {
      (e.code === 0 ? p.stdout : p.stderr).write(e.text);
      return e.code;
    }
    throw e;
  }
  if (o.filter === undefined) {
    if (p.stdin.isTTY && p.stdout.isTTY) {
      p.stderr.write(SHORT_USAGE(p.argv[0] ?? 'jq'));
      return 2;
    }
    o.filter = '.';
  }

  // Inputs: the files (or stdin) read as one text, as jq 1.6 feeds them to one parser.
  let ret = 14;
  const sources: Array<{ name: string; start: number; end: number }> = [];
  let text = '';
  let inputErrors = false;
  const readInputs = async (): Promise<void> => {
    if (o.files.length === 0) {
      text = await readAll(p.stdin);
      sources.push({ name: '<stdin>', start: 0, end: text.length });
      return;
    }
    for (const f of o.files) {
      try {
        const t = f === '-' ? await readAll(p.stdin) : p.fs.readFile(absPath(p.cwd, f));
        sources.push({ name: f === '-' ? '<stdin>' : f, start: text.length, end: text.length + t.length });
        text += t;
      } catch (e) {
        p.stderr.write(`jq: error: Could not open file ${f}: ${fileError(e)}\n`);
        inputErrors = true;
      }
    }
  };

  let out = '';
  const flush = (): void => {
    if (out) p.stdout.write(out);
    out = '';
  };
  // where the last input ended: a fixed text, or an offset turned into file:line only when an error needs it
  let positionText: string | undefined = '<unknown>';
  let positionAt = 0;
  const position = (): string => positionText ?? locate(positionAt);
  let readStarted = false;
  let stream: JsonStream | undefined;
  const rawLines: string[] = [];
  let parseError: string | undefined;
  const queue: Value[] = [];

  const locate = (at: number): string => {
    const src = sources.find((s) => at >= s.start && at <= s.end) ?? sources[sources.length - 1];
    if (!src) return '<stdin>:0';
    const nl = text.indexOf('\n', Math.max(at, src.start));
    const end = Math.min(text.length, nl < 0 || nl >= src.end ? src.end : nl + 1);
    let lines = 0;
    for (let i = src.start; i < end; i++) if (text.charCodeAt(i) === 10) lines++;
    return `${src.name}:${lines}`;
  };

  /** nextInput hands out the next input value (JSON, or a raw line with -R); MORE while streamed stdin has not delivered it yet. */
  const nextInput = (): Value | undefined | typeof MORE => {
    if (!readStarted) return undefined;
    if (queue.length) return queue.shift();
    if (o.rawInput) {
      const line = rawLines.shift();
      if (line !== undefined) positionText = `<stdin>:0`;
      return line;
    }
    if (!stream || parseError !== undefined) return undefined;
    const r = stream.read();
    if (r === null) {
      positionText = undefined;
      positionAt = text.length;
      return undefined;
    }
    if ('error' in r) {
      parseError = r.error;
      return undefined;
    }
    if ('more' in r) return MORE;
    positionText = undefined;
    positionAt = stream.at;
    if (o.stream) {
      const evs = streamEvents(r.value);
      queue.push(...evs.slice(1));
      return evs[0];
    }
    return r.value;
  };

  const io: NativeIO = {
    nextInput: () => {
      const v = nextInput();
      return v === MORE ? undefined : v;
    },
    stderr: (t) => {
      flush();
      p.stderr.write(t);
    },
    now: () => p.sys.runtime.now / 1000,
    env: new Map(Object.entries(p.env)),
    filename: () => {
      const src = sources[0];
      return src && src.name !== '<stdin>' ? src.name : null;
    },
    halt: (code) => {
      throw new HaltSignal(code);
    },
  };
  const interp = new Interp(io);
  interp.setGlobal('ENV', io.env);
  for (const [k, v] of o.named) interp.setGlobal(k, v);
  interp.setGlobal(
    'ARGS',
    new Map<string, Value>([
      ['positional', o.positional],
      ['named', new Map(o.named)],
    ]),
  );
  const compiled = interp.compile(o.filter);
  if ('errors' in compiled) {
    p.stderr.write(formatCompileErrors(o.filter, compiled.errors));
    return 3;
  }
  const program: Node = compiled.node;
  const usesInput = /"name":"inputs?"/.test(JSON.stringify(program));

  const dumpOpts: DumpOptions = {
    indent: o.compact ? 0 : o.indent,
    tab: o.tab && !o.compact,
    sortKeys: o.sortKeys,
    color: o.color ?? p.stdout.isTTY,
    ascii: o.ascii,
  };

  /** process runs the program on one input, printing as jq does; it returns jq's internal status. */
  const process = (input: Value): number => {
    let status = 14;
    try {
      for (const r of interp.run(program, input)) {
        if (o.seq) out += '\x1e';
        if (o.rawOutput && typeof r === 'string') {
          out += o.ascii ? quoteString(r, true) : r;
          status = 0;
        } else {
          status = r === null || r === false ? 11 : 0;
          out += dump(r, dumpOpts);
        }
        if (!o.joinOutput) out += '\n';
        if (out.length > 65536) flush();
      }
    } catch (e) {
      if (e instanceof HaltSignal) throw e;
      flush();
      if (e instanceof JqError) {
        // error(null) ends the program silently, as jq 1.6 does
        if (e.value === null) return status;
        const msg = e.value === 'No more inputs' ? 'break' : e.value;
        if (typeof msg === 'string') p.stderr.write(`jq: error (at ${position()}): ${msg}\n`);
        else p.stderr.write(`jq: error (at ${position()}) (not a string): ${toJSON(msg)}\n`);
        return 5;
      }
      if (e instanceof BreakSignal) {
        p.stderr.write(`jq: error (at ${position()}): break\n`);
        return 5;
      }
      if (e instanceof StepLimit) {
        p.stderr.write(`jq: error (at ${position()}): program stopped after too many steps (the lab's limit)\n`);
        return 5;
      }
      if (e instanceof RangeError) {
        p.stderr.write(`jq: error (at ${position()}): stack overflow\n`);
        return 5;
      }
      throw e;
    }
    flush();
    return status;
  };

  try {
    if (o.nullInput) {
      // with -n jq reads its inputs only when the program asks for them (input, inputs)
      if (usesInput) {
        readStarted = true;
        await readInputs();
        prepare();
      }
      positionText = '<unknown>';
      ret = process(null);
    } else if (o.files.length === 0 && !o.slurp && !o.rawInput && !usesInput) {
      // stdin is parsed as it arrives, so `kubectl get -w -o json | jq …` prints each object as it comes
      readStarted = true;
      sources.push({ name: '<stdin>', start: 0, end: Infinity });
      stream = new JsonStream('', false);
      for (;;) {
        const v = nextInput();
        if (v === undefined) break;
        if (v === MORE) {
          const chunk = await p.stdin.read();
          if (chunk === null) stream.end();
          else {
            text += chunk;
            stream.append(chunk);
          }
          continue;
        }
        ret = process(v);
        if (p.signal.interrupted) break;
      }
    } else {
      readStarted = true;
      await readInputs();
      prepare();
      if (o.slurp) {
        if (o.rawInput) ret = process(text);
        else {
          const all: Value[] = [];
          for (let v = nextInput(); v !== undefined && v !== MORE; v = nextInput()) all.push(v);
          if (parseError === undefined) ret = process(all);
        }
      } else {
        for (let v = nextInput(); v !== undefined && v !== MORE; v = nextInput()) {
          ret = process(v);
          if (p.signal.interrupted) break;
        }
      }
    }
    if (parseError !== undefined) {
      flush();
      p.stderr.write(`parse error: ${parseError}\n`);
      ret = 4;
    }
  } catch (e) {
    flush();
    if (e instanceof HaltSignal) return e.code;
    throw e;
  }
  flush();
  if (inputErrors) ret = 2;
  if (ret >= 10) return o.exitStatus ? ret - 10 : 0;
  return ret;

  function prepare(): void {
    if (o.rawInput) {
      if (!o.slurp) {
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        rawLines.push(...lines);
      }
    } else stream = new JsonStream(text);
  }
}
