import type { Process } from '../../host/process.ts';
import { readAll } from '../../host/streams.ts';
import { absPath } from '../../host/fs/path.ts';
import type { Node } from '../jq/ast.ts';
import { BreakSignal, StepLimit } from '../jq/eval.ts';
import { dump, toJSON } from '../jq/format.ts';
import { Interp } from '../jq/interp.ts';
import { JqError, truthy, type Value } from '../jq/values.ts';
import { YQ_PRELUDE, yqNatives, type DocContext } from './dialect.ts';
import { parseDocuments, renderResult, YamlError, type ParsedDoc } from './yaml-io.ts';

/**
 * yq (mikefarah's yq v4) on the shared jq interpreter: `yq [eval|eval-all]
 * EXPRESSION [FILES…]`, YAML or JSON in, YAML (comments kept where nodes are
 * unchanged) or JSON out, `-i` edits files in place.
 */
export const YQ_VERSION = 'v4.44.3';

const USAGE = `Usage:
  yq [flags]
  yq [command]

Examples:

# yq tries to auto-detect the file format based off the extension, and defaults to YAML if it's unknown (or piping through STDIN)
# Use the '-p/--input-format' flag to specify a format type.
cat file.xml | yq -p xml

# read the "stuff" node from "myfile.yml"
yq '.stuff' < myfile.yml

# update myfile.yml in place
yq -i '.stuff = "foo"' myfile.yml

# print contents of sample.json as idiomatic YAML
yq -P -oy sample.json


Available Commands:
  completion  Generate the autocompletion script for the specified shell
  eval        (default) Apply the expression to each document in each yaml file in sequence
  eval-all    Loads _all_ yaml documents of _all_ yaml files and runs expression once
  help        Help about any command

Flags:
  -C, --colors                        force print with colors
  -e, --exit-status                   set exit status if there are no matches or null or false is returned
  -h, --help                          help for yq
  -I, --indent int                    sets indent level for output (default 2)
  -i, --inplace                       update the file in place of first file given.
  -p, --input-format string           [auto|a|yaml|y|json|j|props|p|csv|c|tsv|t|xml|x|base64|uri|toml|shell|s|lua|l|ini|i] parse format for input. (default "auto")
  -M, --no-colors                     force print with no colors
  -N, --no-doc                        Don't print document separators (---)
  -0, --nul-output                    Use NUL char to separate values. If unwrap scalar is also set, fail if unwrapped scalar contains NUL char.
  -n, --null-input                    Don't read input, simply evaluate the expression given. Useful for creating docs from scratch.
  -o, --output-format string          [auto|a|yaml|y|json|j|props|p|csv|c|tsv|t|xml|x|base64|uri|toml|shell|s|lua|l|ini|i] output format type. (default "auto")
  -P, --prettyPrint                   pretty print, shorthand for '... style = ""'
  -r, --unwrapScalar                  unwrap scalar, print the value with no quotes, colours or comments. Defaults to true for yaml (default true)
  -v, --verbose                       verbose mode
  -V, --version                       Print version information and quit

Use "yq [command] --help" for more information about a command.
`;

interface Options {
  allDocs: boolean;
  expression?: string;
  files: string[];
  inPlace: boolean;
  output: 'yaml' | 'json';
  input: 'yaml' | 'json' | 'auto';
  pretty: boolean;
  indent: number;
  nullInput: boolean;
  exitStatus: boolean;
  unwrap?: boolean;
  noDoc: boolean;
  /** -o was given (otherwise the output format follows the input's) */
  outputSet: boolean;
}

class CliError {
  constructor(readonly text: string, readonly code = 1) {}
}

function format(v: string): 'yaml' | 'json' | 'auto' {
  if (['yaml', 'y', 'yml'].includes(v)) return 'yaml';
  if (['json', 'j'].includes(v)) return 'json';
  if (['auto', 'a'].includes(v)) return 'auto';
  throw new CliError(`Error: unknown format '${v}' please use [yaml|json]\n`);
}

function parseArgs(argv: string[]): Options {
  const o: Options = { allDocs: false, files: [], inPlace: false, output: 'yaml', input: 'auto', pretty: false, indent: 2, nullInput: false, exitStatus: false, noDoc: false, outputSet: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (flag: string, inline: string | undefined): string => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new CliError(`Error: flag needs an argument: ${flag}\n${USAGE}`);
      return argv[++i]!;
    };
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      switch (name) {
        case 'inplace': o.inPlace = true; break;
        case 'output-format': o.output = asOut(format(value('--output-format', inline))); o.outputSet = true; break;
        case 'input-format': o.input = format(value('--input-format', inline)); break;
        case 'prettyPrint': o.pretty = true; break;
        case 'indent': o.indent = Number(value('--indent', inline)); break;
        case 'null-input': o.nullInput = true; break;
        case 'exit-status': o.exitStatus = true; break;
        case 'unwrapScalar': o.unwrap = inline === undefined ? true : inline !== 'false'; break;
        case 'no-doc': o.noDoc = true; break;
        case 'colors': case 'no-colors': case 'verbose': break;
        case 'version': throw new CliError(`yq (https://github.com/mikefarah/yq/) version ${YQ_VERSION}\n`, 0);
        case 'help': throw new CliError(HELP_HEAD + USAGE, 0);
        default: throw new CliError(`Error: unknown flag: --${name}\n${USAGE}`);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const rest = a.slice(j + 1);
        const inline = rest === '' ? undefined : rest.replace(/^=/, '');
        switch (c) {
          case 'i': o.inPlace = true; continue;
          case 'P': o.pretty = true; continue;
          case 'n': o.nullInput = true; continue;
          case 'e': o.exitStatus = true; continue;
          case 'N': o.noDoc = true; continue;
          case 'C': case 'M': case 'v': continue;
          case 'r': o.unwrap = inline === undefined ? true : inline !== 'false'; j = a.length; continue;
          case 'V': throw new CliError(`yq (https://github.com/mikefarah/yq/) version ${YQ_VERSION}\n`, 0);
          case 'h': throw new CliError(HELP_HEAD + USAGE, 0);
          case 'o': o.output = asOut(format(value('-o', inline))); o.outputSet = true; j = a.length; continue;
          case 'p': o.input = format(value('-p', inline)); j = a.length; continue;
          case 'I': o.indent = Number(value('-I', inline)); j = a.length; continue;
          default:
            throw new CliError(`Error: unknown shorthand flag: '${c}' in ${a}\n${USAGE}`);
        }
      }
      continue;
    }
    positional.push(a);
  }
  if (positional[0] === 'eval' || positional[0] === 'e') positional.shift();
  else if (positional[0] === 'eval-all' || positional[0] === 'ea') {
    positional.shift();
    o.allDocs = true;
  }
  o.expression = positional.shift();
  o.files = positional;
  return o;
}

function asOut(f: 'yaml' | 'json' | 'auto'): 'yaml' | 'json' {
  return f === 'json' ? 'json' : 'yaml';
}

const HELP_HEAD = `yq is a portable command-line data file processor (https://github.com/mikefarah/yq/)
See https://mikefarah.gitbook.io/yq/ for detailed documentation and examples.

`;

interface Loaded extends ParsedDoc {
  file: string;
  fileIndex: number;
  index: number;
}

export async function yqProgram(p: Process): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(p.argv.slice(1));
  } catch (e) {
    if (e instanceof CliError) {
      (e.code === 0 ? p.stdout : p.stderr).write(e.text);
      return e.code;
    }
    throw e;
  }
  // like yq's maybeFile: when the first argument is a file there is no expression, every argument is a file
  if (o.expression !== undefined && o.expression !== '-' && exists(p, o.expression)) {
    o.files = [o.expression, ...o.files];
    o.expression = '.';
  }
  if (o.expression === undefined) {
    if (p.stdin.isTTY && !o.nullInput) {
      p.stdout.write(HELP_HEAD + USAGE);
      return 0;
    }
    o.expression = '.';
  }
  if (o.inPlace && (o.files.length === 0 || o.files[0] === '-')) {
    p.stderr.write('Error: write inplace flag only applicable when giving an expression and at least one file\n');
    return 1;
  }
  if (o.nullInput && o.files.length > 0) {
    p.stderr.write('Error: cannot pass files in when using null-input flag\n');
    return 1;
  }
  // auto formats follow the first file's extension: a .json file is read and printed as JSON
  if (o.input === 'auto' && /\.json$/i.test(o.files[0] ?? '')) {
    o.input = 'json';
    if (!o.outputSet) o.output = 'json';
  }
  // JSON has no comments or styles to keep: its YAML is written fresh, in block style
  const keepSource = o.input !== 'json';

  let ctx: DocContext = { documentIndex: 0, fileIndex: 0, filename: '' };
  const interp = new Interp(
    {
      nextInput: () => undefined,
      stderr: (t) => p.stderr.write(t),
      now: () => p.sys.runtime.now / 1000,
      env: new Map(Object.entries(p.env)),
      filename: () => ctx.filename,
      halt: (code) => {
        throw new CliError('', code);
      },
    },
    { yq: true, prelude: YQ_PRELUDE, natives: yqNatives(p, () => ctx) },
  );
  interp.setGlobal('ENV', new Map(Object.entries(p.env)));
  const compiled = interp.compile(o.expression);
  if ('errors' in compiled) {
    const first = compiled.errors[0]!;
    p.stderr.write(`Error: ${first.message.replace(' (Unix shell quoting issues?)', '')}\n`);
    return 1;
  }
  const program: Node = compiled.node;

  // Load every document of every file (or stdin).
  const loaded: Loaded[] = [];
  if (!o.nullInput) {
    const sources = o.files.length ? o.files : ['-'];
    for (let fi = 0; fi < sources.length; fi++) {
      const f = sources[fi]!;
      let text: string;
      try {
        text = f === '-' ? await readAll(p.stdin) : p.fs.readFile(absPath(p.cwd, f));
      } catch {
        p.stderr.write(`Error: open ${f}: no such file or directory\n`);
        return 1;
      }
      try {
        parseDocuments(text).forEach((d, index) => loaded.push({ ...d, file: f, fileIndex: fi, index }));
      } catch (e) {
        if (e instanceof YamlError) {
          p.stderr.write(`Error: bad file '${f}': ${e.message}\n`);
          return 1;
        }
        throw e;
      }
    }
  }

  const unwrap = o.unwrap ?? o.output === 'yaml';
  const printed = new Map<string, string>();
  let out = '';
  let anyTruthy = false;
  let anyResult = false;
  let prevDoc: string | undefined;
  const emit = (file: string, docKey: string, v: Value, source: ParsedDoc['doc'] | undefined): void => {
    anyResult = true;
    if (truthy(v)) anyTruthy = true;
    let text: string;
    if (o.output === 'json') {
      text = (unwrap && typeof v === 'string' ? v : dump(v, { indent: o.indent })) + '\n';
    } else {
      text = renderResult(v, source, o.indent, o.pretty).replace(/^---\n/, '');
      if (!unwrap && typeof v === 'string') text = toJSON(v) + '\n';
    }
    if (o.output === 'yaml' && !o.noDoc && prevDoc !== undefined && prevDoc !== docKey) text = '---\n' + text;
    prevDoc = docKey;
    if (o.inPlace) printed.set(file, (printed.get(file) ?? '') + text);
    else out += text;
  };

  const run = (input: Value): Value[] => [...interp.run(program, input)];
  try {
    if (o.nullInput) {
      for (const v of run(null)) emit('', 'null', v, undefined);
    } else if (o.allDocs && program.t === 'reduce' && program.source.t === 'identity') {
      // eval-all's common use: fold every document into one (`. as $d ireduce ({}; . * $d)`)
      const all = { ...program, source: { t: 'var', name: '__docs', pos: 0 } as Node };
      interp.setGlobal('__docs', loaded.map((d) => d.value));
      const iter: Node = { ...all, source: { t: 'iterate', target: all.source } };
      for (const v of [...interp.run(iter, null)]) emit(loaded[0]?.file ?? '', 'all', v, keepSource ? loaded[0]?.doc : undefined);
    } else {
      for (const d of loaded) {
        ctx = { documentIndex: d.index, fileIndex: d.fileIndex, filename: d.file === '-' ? '' : d.file };
        const key = `${d.fileIndex}:${d.index}`;
        for (const v of run(d.value)) emit(d.file, key, v, keepSource ? d.doc : undefined);
      }
    }
  } catch (e) {
    p.stdout.write(out);
    if (e instanceof CliError) return e.code;
    if (e instanceof JqError) {
      p.stderr.write(`Error: ${typeof e.value === 'string' ? e.value : toJSON(e.value)}\n`);
      return 1;
    }
    if (e instanceof BreakSignal || e instanceof StepLimit || e instanceof RangeError) {
      p.stderr.write('Error: the expression did not finish\n');
      return 1;
    }
    throw e;
  }
  if (o.inPlace) {
    for (const f of o.files) {
      try {
        p.fs.writeFile(absPath(p.cwd, f), printed.get(f) ?? '');
      } catch (e) {
        p.stderr.write(`Error: open ${f}: ${String((e as Error).message)}\n`);
        return 1;
      }
    }
  } else p.stdout.write(out);
  if (o.exitStatus && (!anyResult || !anyTruthy)) {
    p.stderr.write('Error: no matches found\n');
    return 1;
  }
  return 0;
}

function exists(p: Process, f: string): boolean {
  try {
    return p.fs.stat(absPath(p.cwd, f)).type === 'file';
  } catch {
    return false;
  }
}
