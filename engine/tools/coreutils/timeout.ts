import { Interrupt } from '../../host/interrupt.ts';
import { parseDuration } from './sleep.ts';
import { ql } from './lib/io.ts';
import { def } from './def.ts';

/** timeout runs a command and stops it after a duration (exit 124). */
export const timeout = def(
  'timeout',
  async (p) => {
    const args = p.argv.slice(1);
    let i = 0;
    let kill = false;
    while (i < args.length && args[i]!.startsWith('-')) {
      const a = args[i++]!;
      if (a === '-s' || a === '--signal' || a === '-k' || a === '--kill-after') i++;
      else if (a === '--preserve-status' || a === '--foreground' || a === '-v' || a === '--verbose') kill = kill || false;
      else if (a === '--') break;
    }
    const dur = args[i];
    if (dur === undefined) {
      p.stderr.write("timeout: missing operand\nTry 'timeout --help' for more information.\n");
      return 125;
    }
    const ms = parseDuration(dur);
    if (ms === undefined) {
      p.stderr.write(`timeout: invalid time interval ${ql(dur)}\nTry 'timeout --help' for more information.\n`);
      return 125;
    }
    const argv = args.slice(i + 1);
    if (argv.length === 0) {
      p.stderr.write(`timeout: missing operand\nTry 'timeout --help' for more information.\n`);
      return 125;
    }
    const exec = p.sys.session.exec;
    if (!exec) return 125;
    const signal = new Interrupt();
    const off = p.signal.onInterrupt(() => signal.raise(130));
    let timedOut = false;
    const timer = ms > 0 ? p.sys.runtime.after(ms, () => ((timedOut = true), signal.raise(124)), 'timeout') : undefined;
    try {
      const code = await exec({ host: p.hostname, user: p.user.name, argv, inheritEnv: p.env, cwd: p.cwd, stdin: p.stdin, stdout: p.stdout, stderr: p.stderr, signal, quietNotFound: true });
      if (code === 127 && !timedOut) p.stderr.write(`timeout: failed to run command ${ql(argv[0]!)}: No such file or directory\n`);
      return timedOut ? 124 : code;
    } finally {
      timer?.cancel();
      off();
    }
  },
  'timeout - run a command with a time limit\n\nSYNOPSIS\n       timeout [OPTION] DURATION COMMAND [ARG]...\n\nDESCRIPTION\n       Start COMMAND, and kill it if still running after DURATION.  If the command times out, exit with status 124.',
);
