import type { Process } from '../../host/process.ts';
import { readDebFile } from '../../host/packages/deb-file.ts';
import { readStatus } from '../../host/packages/db.ts';
import { packageFiles } from '../../host/packages/files.ts';
import { compareVersions, satisfies } from '../../host/packages/version.ts';
import type { Installed } from '../../host/packages/types.ts';
import { applyChanges } from '../../host/packages/apply.ts';
import { dpkgNow, sdOf } from './common.ts';
import { globMatch } from '../systemctl/list.ts';

const HEADER = 'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n';

/** listText is `dpkg -l` piped: columns as wide as their longest entry (Name 14, Version and Architecture 12 at least). */
export function listText(rows: Installed[]): string {
  const w = (min: number, vals: string[]) => Math.max(min, ...vals.map((v) => v.length));
  const nw = w(14, rows.map((r) => r.name));
  const vw = w(12, rows.map((r) => r.version));
  const aw = w(12, rows.map((r) => r.architecture));
  const dw = w(11, rows.map((r) => r.description));
  let t = HEADER + `||/ ${'Name'.padEnd(nw)} ${'Version'.padEnd(vw)} ${'Architecture'.padEnd(aw)} Description\n`;
  t += `+++-${'='.repeat(nw)}-${'='.repeat(vw)}-${'='.repeat(aw)}-${'='.repeat(dw)}\n`;
  for (const r of rows) {
    const flag = `${r.want === 'hold' ? 'h' : r.want === 'deinstall' ? 'r' : 'i'}${r.state === 'installed' ? 'i' : 'c'} `;
    t += `${flag} ${r.name.padEnd(nw)} ${r.version.padEnd(vw)} ${r.architecture.padEnd(aw)} ${r.description}\n`;
  }
  return t;
}

function statusText(r: Installed): string {
  return [`Package: ${r.name}`, `Status: ${r.want} ok ${r.state}`, `Priority: ${r.priority}`, `Section: ${r.section}`, `Installed-Size: ${r.installedSize}`, `Maintainer: ${r.maintainer}`, `Architecture: ${r.architecture}`, `Version: ${r.version}`,
    ...(r.depends ? [`Depends: ${r.depends}`] : []), `Description: ${r.description}`, ...(r.homepage ? [`Homepage: ${r.homepage}`] : [])].join('\n') + '\n';
}

/** selectionPad is the tabs dpkg --get-selections puts after a name to reach column 48. */
function selectionPad(len: number): string {
  let t = '';
  let l = len;
  do {
    t += '\t';
    l = (l + 8) & ~7;
  } while (l < 48);
  return t;
}

/** runDpkg is /usr/bin/dpkg (and dpkg-query's common forms): -l, -s, -L, -i, --get-selections, --compare-versions. */
export async function runDpkg(p: Process): Promise<number> {
  const argv = p.argv.slice(1);
  const op = argv[0];
  const rest = argv.slice(1);
  const db = readStatus(p.fs);
  switch (op) {
    case '-l': case '--list': {
      const rows = rest.length ? db.filter((r) => rest.some((pat) => globMatch(pat, r.name))) : db;
      const missing = rest.filter((pat) => !db.some((r) => globMatch(pat, r.name)));
      if (rows.length) p.stdout.write(listText(rows));
      if (missing.length) {
        p.stderr.write(missing.map((m) => `dpkg-query: no packages found matching ${m}\n`).join(''));
        return 1;
      }
      return 0;
    }
    case '-s': case '--status': {
      let code = 0;
      rest.forEach((n, i) => {
        const r = db.find((x) => x.name === n);
        if (!r) {
          p.stderr.write(`dpkg-query: package '${n}' is not installed and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.\n`);
          code = 1;
        } else p.stdout.write((i ? '\n' : '') + statusText(r));
      });
      return code;
    }
    case '-L': case '--listfiles': {
      const r = db.find((x) => x.name === rest[0]);
      if (!r) {
        p.stderr.write(`dpkg-query: package '${rest[0]}' is not installed\nUse dpkg --contents (= dpkg-deb --contents) to list archive files contents.\n`);
        return 1;
      }
      const dirs = new Set<string>(['/.']);
      for (const f of packageFiles(r.name)) {
        const parts = f.path.split('/').slice(1, -1);
        for (let i = 1; i <= parts.length; i++) dirs.add('/' + parts.slice(0, i).join('/'));
      }
      p.stdout.write([...dirs, ...packageFiles(r.name).map((f) => f.path)].join('\n') + '\n');
      return 0;
    }
    case '--get-selections':
      p.stdout.write(db.map((r) => `${r.name}${selectionPad(r.name.length)}${r.want === 'hold' ? 'hold' : 'install'}\n`).join(''));
      return 0;
    case '--compare-versions': {
      const [a, rel, b] = rest;
      const ops: Record<string, string> = { lt: '<<', le: '<=', eq: '=', ge: '>=', gt: '>>', 'lt-nl': '<<', 'gt-nl': '>>' };
      if (a === undefined || rel === undefined || b === undefined) {
        p.stderr.write('dpkg: error: --compare-versions takes three arguments: <version> <relation> <version>\n\nType dpkg --help for help about installing and deinstalling packages [*];\nUse \'apt\' or \'aptitude\' for user-friendly package management;\nType dpkg -Dhelp for a list of dpkg debug flag values;\nType dpkg --force-help for a list of forcing options;\nType dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through \'less\' or \'more\' !\n');
        return 2;
      }
      return satisfies(a, ops[rel] ?? rel, b) ? 0 : 1;
    }
    case '-i': case '--install':
      return dpkgInstall(p, rest);
    default:
      p.stderr.write(`dpkg: error: need an action option\n\nType dpkg --help for help about installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for user-friendly package management;\nType dpkg -Dhelp for a list of dpkg debug flag values;\nType dpkg --force-help for a list of forcing options;\nType dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through 'less' or 'more' !\n`);
      return 2;
  }
}

async function dpkgInstall(p: Process, files: string[]): Promise<number> {
  if (p.user.uid !== 0) {
    p.stderr.write('dpkg: error: requested operation requires superuser privilege\n');
    return 2;
  }
  const db = readStatus(p.fs);
  for (const f of files) {
    const path = f.startsWith('/') ? f : `${p.cwd.replace(/\/$/, '')}/${f.replace(/^\.\//, '')}`;
    let content: string;
    try {
      content = p.fs.readFile(path);
    } catch {
      p.stderr.write(`dpkg: error: cannot access archive '${f}': No such file or directory\n`);
      return 1;
    }
    const info = readDebFile(content, f);
    if ('error' in info) {
      p.stderr.write(`${info.error}\ndpkg: error processing archive ${f} (--install):\n dpkg-deb --control subprocess returned error exit status 2\nErrors were encountered while processing:\n ${f}\n`);
      return 1;
    }
    const old = db.find((x) => x.name === info.name);
    const lines: string[] = [];
    applyChanges(p.fs, [{ name: info.name, info, from: old?.version, kind: old ? (compareVersions(info.version, old.version) >= 0 ? 'upgrade' : 'downgrade') : 'new', auto: false, debPath: f }], {
      out: (l) => lines.push(l), systemd: sdOf(p), now: dpkgNow(p.sys.runtime.now), keepHold: true,
    });
    p.stdout.write(lines.map((l) => l + '\n').join(''));
  }
  return 0;
}
