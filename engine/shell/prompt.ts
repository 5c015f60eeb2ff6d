import { BASH_VERSION_TEXT } from './interp/init.ts';

/** PromptInfo is what PS1 escapes read. */
export interface PromptInfo {
  user: string;
  uid: number;
  hostname: string;
  cwd: string;
  home: string | undefined;
  now: number;
  jobs: number;
  historyNumber: number;
  commandNumber: number;
  tty: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** tildePath abbreviates home to ~ the way \w does. */
export function tildePath(cwd: string, home: string | undefined): string {
  if (!home || home === '/') return cwd;
  if (cwd === home) return '~';
  if (cwd.startsWith(home + '/')) return '~' + cwd.slice(home.length);
  return cwd;
}

/** decodePrompt expands the backslash escapes of PS1/PS2 (before parameter expansion, as bash does). */
export function decodePrompt(ps: string, info: PromptInfo): string {
  const d = new Date(info.now);
  let out = '';
  for (let i = 0; i < ps.length; i++) {
    const c = ps[i]!;
    if (c !== '\\' || i === ps.length - 1) {
      out += c;
      continue;
    }
    const n = ps[++i]!;
    switch (n) {
      case 'u': out += info.user; break;
      case 'h': out += info.hostname.split('.')[0]; break;
      case 'H': out += info.hostname; break;
      case 'w': out += tildePath(info.cwd, info.home); break;
      case 'W': { const t = tildePath(info.cwd, info.home); out += t === '/' ? '/' : t.slice(t.lastIndexOf('/') + 1); break; }
      case '$': out += info.uid === 0 ? '#' : '$'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'e': out += '\x1b'; break;
      case 's': out += 'bash'; break;
      case 'v': out += '5.1'; break;
      case 'V': out += BASH_VERSION_TEXT.split('(')[0]; break;
      case 't': out += `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`; break;
      case 'T': out += `${p2(d.getUTCHours() % 12 || 12)}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`; break;
      case '@': out += `${p2(d.getUTCHours() % 12 || 12)}:${p2(d.getUTCMinutes())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`; break;
      case 'A': out += `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`; break;
      case 'd': out += `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())}`; break;
      case 'j': out += String(info.jobs); break;
      case 'l': out += info.tty.split('/').pop(); break;
      case '#': out += String(info.commandNumber); break;
      case '!': out += String(info.historyNumber); break;
      case '[': case ']': break;
      case '\\': out += '\\'; break;
      default:
        if (/[0-7]/.test(n)) {
          const oct = ps.slice(i, i + 3).match(/^[0-7]{1,3}/)![0];
          out += String.fromCharCode(parseInt(oct, 8));
          i += oct.length - 1;
        } else out += '\\' + n;
    }
  }
  return out;
}
