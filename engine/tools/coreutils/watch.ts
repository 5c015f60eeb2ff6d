import { Collector } from '../../host/streams.ts';
import { strftime } from './lib/fmt.ts';
import { def } from './def.ts';

/** watch re-runs a command every N seconds (default 2) until Ctrl-C, redrawing the screen. */
export const watch = def(
  'watch',
  async (p) => {
    const args = p.argv.slice(1);
    let interval = 2;
    let title = true;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-n' || a === '--interval') interval = Number(args[++i]);
      else if (/^-n\d/.test(a)) interval = Number(a.slice(2));
      else if (a.startsWith('--interval=')) interval = Number(a.slice(11));
      else if (a === '-t' || a === '--no-title') title = false;
      else if (a === '-x' || a === '-d' || a === '-c' || a === '--color' || a === '-e') continue;
      else if (a.startsWith('-')) {
        p.stderr.write(`watch: invalid option -- '${a.slice(1, 2)}'\n`);
        return 1;
      } else break;
    }
    if (!Number.isFinite(interval) || interval <= 0) interval = 2;
    interval = Math.max(0.1, interval);
    const command = args.slice(i).join(' ');
    if (command === '') {
      p.stderr.write('\nUsage:\n watch [options] command\n');
      return 1;
    }
    const exec = p.sys.session.exec;
    if (!exec) return 1;
    for (;;) {
      const out = new Collector(true);
      await exec({ host: p.hostname, user: p.user.name, command, inheritEnv: p.env, cwd: p.cwd, stdin: { read: async () => null, isTTY: false }, stdout: out, stderr: out, signal: p.signal });
      if (p.signal.interrupted) break;
      let screen = '\x1b[H\x1b[2J';
      if (title) {
        const left = `Every ${interval.toFixed(1)}s: ${command}`;
        const right = `${p.hostname}: ${strftime('%a %b %e %H:%M:%S %Y', p.sys.runtime.now)}`;
        const width = p.sys.terminal.columns;
        screen += left + ' '.repeat(Math.max(1, width - left.length - right.length)) + right + '\n\n';
      }
      p.stdout.write(screen + out.text);
      if (!(await p.sys.sleep(interval * 1000, p.signal))) break;
    }
    return 130;
  },
  'watch - execute a program periodically, showing output fullscreen\n\nSYNOPSIS\n       watch [options] command\n\nDESCRIPTION\n       -n, --interval seconds\n              Specify update interval.\n       -t, --no-title\n              Turn off the header.',
);
