import type { Process } from '../../host/process.ts';
import { absPath } from '../../host/fs/path.ts';
import { strftime, modeString } from './lib/fmt.ts';
import { errText, groupName, idOf, userName } from './lib/io.ts';
import { gunzip, gzip, readTar, writeTar, type TarEntry } from './lib/tarball.ts';
import { patternRegex } from './lib/pattern.ts';
import { def } from './def.ts';

interface TarOpts {
  mode?: 'c' | 'x' | 't';
  file?: string;
  gz: boolean;
  verbose: boolean;
  dir?: string;
  absolute: boolean;
  exclude: string[];
  names: string[];
}

function parse(argv: string[]): TarOpts | string {
  const o: TarOpts = { gz: false, verbose: false, absolute: false, exclude: [], names: [] };
  const args = [...argv];
  if (args[0] && !args[0].startsWith('-') && /^[cxtvzfCpP]+$/.test(args[0])) args[0] = '-' + args[0];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (k === 'create') o.mode = 'c';
      else if (k === 'extract' || k === 'get') o.mode = 'x';
      else if (k === 'list') o.mode = 't';
      else if (k === 'gzip' || k === 'gunzip') o.gz = true;
      else if (k === 'verbose') o.verbose = true;
      else if (k === 'file') o.file = v ?? args[++i];
      else if (k === 'directory') o.dir = v ?? args[++i];
      else if (k === 'absolute-names') o.absolute = true;
      else if (k === 'exclude') o.exclude.push(v ?? args[++i] ?? '');
      else if (k === 'same-permissions' || k === 'preserve-permissions' || k === 'numeric-owner' || k === 'overwrite') continue;
      else return `unrecognized option '${a}'`;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'c' || c === 'x' || c === 't') o.mode = c;
        else if (c === 'z') o.gz = true;
        else if (c === 'v') o.verbose = true;
        else if (c === 'P') o.absolute = true;
        else if (c === 'p') continue;
        else if (c === 'f' || c === 'C') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return `option requires an argument -- '${c}'`;
          if (c === 'f') o.file = v;
          else o.dir = v;
          break;
        } else return `invalid option -- '${c}'`;
      }
      continue;
    }
    o.names.push(a);
  }
  return o;
}

function longLine(e: TarEntry, width: { w: number }): string {
  const ug = `${e.uname || e.uid}/${e.gname || e.gid}`;
  const size = String(e.type === 'file' ? e.data.length : 0);
  width.w = Math.max(width.w, ug.length + 1 + size.length);
  const mode = modeString({ type: e.type, mode: e.mode });
  return `${mode} ${ug}${' '.repeat(width.w - ug.length - size.length)}${size} ${strftime('%Y-%m-%d %H:%M', e.mtime)} ${e.name}${e.type === 'symlink' ? ' -> ' + e.linkname : ''}`;
}

/** tar creates, lists and extracts archives (c/x/t, -z, -f, -C, -v). */
export const tar = def(
  'tar',
  async (p) => {
    const o = parse(p.argv.slice(1));
    if (typeof o === 'string') {
      p.stderr.write(`tar: ${o}\nTry 'tar --help' or 'tar --usage' for more information.\n`);
      return 2;
    }
    if (!o.mode) {
      p.stderr.write("tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n");
      return 2;
    }
    const base = o.dir ? absPath(p.cwd, o.dir) : p.cwd;
    let failed = false;
    const out = (s: string) => (o.file === '-' || o.file === undefined ? p.stderr : p.stdout).write(s);
    if (o.mode === 'c') {
      if (o.names.length === 0) {
        p.stderr.write("tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n");
        return 2;
      }
      if (o.file === undefined && p.stdout.isTTY) {
        p.stderr.write("tar: Refusing to write archive contents to terminal (missing -f option?)\ntar: Error is not recoverable: exiting now\n");
        return 2;
      }
      const entries: TarEntry[] = [];
      let warned = false;
      const excluded = (name: string) => o.exclude.some((x) => patternRegex(x).test(name) || patternRegex(x).test(name.split('/').pop()!));
      const add = (shown: string, abs: string) => {
        let name = shown;
        if (!o.absolute && name.startsWith('/')) {
          if (!warned) p.stderr.write("tar: Removing leading `/' from member names\n");
          warned = true;
          name = name.replace(/^\/+/, '');
        }
        if (excluded(name)) return;
        let st;
        try {
          st = p.fs.lstat(abs);
        } catch (e) {
          p.stderr.write(`tar: ${shown}: Cannot stat: ${errText(e)}\n`);
          failed = true;
          return;
        }
        const e: TarEntry = { name: st.type === 'dir' ? name.replace(/\/*$/, '/') : name, type: st.type, mode: st.mode, uid: st.uid, gid: st.gid, uname: userName(p, st.uid), gname: groupName(p, st.gid), mtime: st.mtime, data: new Uint8Array(0), linkname: '' };
        if (st.type === 'file') {
          try {
            e.data = p.fs.readBytes(abs);
          } catch (err) {
            p.stderr.write(`tar: ${shown}: Cannot open: ${errText(err)}\n`);
            failed = true;
            return;
          }
        }
        if (st.type === 'symlink') e.linkname = p.fs.readlink(abs);
        entries.push(e);
        if (o.verbose) out(e.name.replace(/^\/+/, o.absolute ? '/' : '') + '\n');
        if (st.type === 'dir') {
          let names: string[] = [];
          try {
            names = p.fs.readdir(abs);
          } catch (err) {
            p.stderr.write(`tar: ${shown}: Cannot open: ${errText(err)}\n`);
            failed = true;
          }
          for (const n of names) add(`${shown.replace(/\/+$/, '')}/${n}`, abs === '/' ? '/' + n : `${abs}/${n}`);
        }
      };
      for (const n of o.names) add(n, absPath(base, n));
      let data = writeTar(entries);
      if (o.gz) data = gzip(data, p.sys.runtime.now);
      if (o.file === undefined || o.file === '-') p.stdout.write(new TextDecoder().decode(data));
      else {
        try {
          p.fs.writeFile(absPath(p.cwd, o.file), data);
        } catch (e) {
          p.stderr.write(`tar: ${o.file}: Cannot open: ${errText(e)}\ntar: Error is not recoverable: exiting now\n`);
          return 2;
        }
      }
    } else {
      let raw: Uint8Array;
      try {
        if (o.file === undefined || o.file === '-') {
          let s = '';
          for (;;) {
            const c = await p.stdin.read();
            if (c === null) break;
            s += c;
          }
          raw = new TextEncoder().encode(s);
        } else raw = p.fs.readBytes(absPath(p.cwd, o.file));
      } catch (e) {
        p.stderr.write(`tar: ${o.file}: Cannot open: ${errText(e)}\ntar: Error is not recoverable: exiting now\n`);
        return 2;
      }
      let entries: TarEntry[];
      try {
        if (o.gz || (raw[0] === 0x1f && raw[1] === 0x8b)) raw = gunzip(raw);
        entries = readTar(raw);
      } catch (e) {
        const msg = errText(e);
        p.stderr.write(/gzip|compressed/.test(msg) ? `gzip: stdin: ${msg}\ntar: Child returned status 1\ntar: Error is not recoverable: exiting now\n` : `tar: ${msg}\ntar: Exiting with failure status due to previous errors\n`);
        return 2;
      }
      const wanted = (n: string) => o.names.length === 0 || o.names.some((w) => n === w || n === w + '/' || n.startsWith(w.replace(/\/+$/, '') + '/'));
      const width = { w: 19 };
      for (const e of entries) {
        if (!wanted(e.name)) continue;
        if (o.mode === 't') {
          p.stdout.write((o.verbose ? longLine(e, width) : e.name) + '\n');
          continue;
        }
        if (o.verbose) p.stdout.write(e.name + '\n');
        const dest = absPath(base, e.name.replace(/^\/+/, ''));
        try {
          if (e.type === 'dir') {
            if (!p.fs.exists(dest)) p.fs.mkdir(dest, { recursive: true, mode: e.mode });
          } else {
            const parent = dest.slice(0, dest.lastIndexOf('/')) || '/';
            if (!p.fs.exists(parent)) p.fs.mkdir(parent, { recursive: true });
            try {
              if (p.fs.lstat(dest).type !== 'dir') p.fs.unlink(dest);
            } catch {
              // nothing to replace
            }
            if (e.type === 'symlink') p.fs.symlink(e.linkname, dest);
            else p.fs.writeFile(dest, e.data, { mode: e.mode });
          }
          if (e.type !== 'symlink') {
            p.fs.chmod(dest, e.mode & (p.user.uid === 0 ? 0o7777 : 0o777));
            if (p.user.uid === 0) p.fs.chown(dest, idOf(p, '/etc/passwd', e.uname) ?? e.uid, idOf(p, '/etc/group', e.gname) ?? e.gid);
            p.fs.utimes?.(dest, e.mtime);
          }
        } catch (err) {
          p.stderr.write(`tar: ${e.name}: Cannot open: ${errText(err)}\n`);
          failed = true;
        }
      }
      for (const n of o.names) {
        if (!entries.some((e) => e.name === n || e.name === n + '/' || e.name.startsWith(n.replace(/\/+$/, '') + '/'))) {
          p.stderr.write(`tar: ${n}: Not found in archive\n`);
          failed = true;
        }
      }
    }
    if (failed) {
      p.stderr.write('tar: Exiting with failure status due to previous errors\n');
      return 2;
    }
    return 0;
  },
  'tar - an archiving utility\n\nSYNOPSIS\n       tar -c [-f ARCHIVE] [OPTIONS] [FILE...]\n       tar -x [-f ARCHIVE] [OPTIONS] [MEMBER...]\n       tar -t [-f ARCHIVE] [OPTIONS] [MEMBER...]\n\nDESCRIPTION\n       -c create, -x extract, -t list, -f ARCHIVE, -z filter through gzip, -C DIR change to DIR, -v verbose.',
);
