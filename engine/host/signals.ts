/** SIGNALS are Linux's signal numbers by name (x86-64), as kill and pkill read them. */
export const SIGNALS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15,
  STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, PWR: 30, SYS: 31,
};

/** signalNumber reads "9", "KILL" or "SIGKILL" (any case); undefined when it names no signal. */
export function signalNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s) <= 64 ? Number(s) : undefined;
  return SIGNALS[s.toUpperCase().replace(/^SIG/, '')];
}

/** signalName is the name of a signal number for kill -l: "KILL", "RTMIN+3", "RTMAX-1". */
export function signalName(n: number): string | undefined {
  const fixed = Object.keys(SIGNALS).find((k) => SIGNALS[k] === n);
  if (fixed) return fixed;
  if (n < 34 || n > 64) return undefined;
  return n <= 49 ? (n === 34 ? 'RTMIN' : `RTMIN+${n - 34}`) : n === 64 ? 'RTMAX' : `RTMAX-${64 - n}`;
}

/** signalTable is bash's `kill -l`: every signal as "N) SIGNAME", five to a line. */
export function signalTable(): string {
  const cells: string[] = [];
  for (let n = 1; n <= 64; n++) {
    const name = signalName(n);
    if (name) cells.push(`${String(n).padStart(2)}) SIG${name}`);
  }
  // bash ends every fifth entry with a newline and the others with a tab, then ends the list with a newline
  return cells.map((c, i) => c + ((i + 1) % 5 === 0 ? '\n' : '\t')).join('') + (cells.length % 5 ? '\n' : '');
}
