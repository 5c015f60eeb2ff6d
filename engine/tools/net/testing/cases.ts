/**
 * NET_TOOL_CASES are the command lines recorded from the real curl and wget
 * (scripts/record-golden/net-tools.ts) and replayed against the lab's tools.
 * 127.0.0.1:18080 serves HTTP, 127.0.0.1:18443 TLS with a self-signed
 * certificate, 127.0.0.1:18081 is closed.
 */
export const NET_TOOL_CASES: string[][] = [
  ['curl', '-sS', 'http://127.0.0.1:18081/'],
  ['curl', '-sS', 'http://nosuchhost.invalid/'],
  ['curl', '-sS', 'https://127.0.0.1:18443/'],
  ['curl', '-sSf', 'http://127.0.0.1:18080/missing'],
  ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://127.0.0.1:18080/missing'],
  ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://127.0.0.1:18081/'],
  ['curl', '-s', 'http://127.0.0.1:18080/index.html'],
  ['curl', '--bogus', 'http://127.0.0.1:18080/'],
  ['curl', '-sS', 'ftpx://127.0.0.1/'],
  // without -s, to a pipe: the progress meter on stderr
  ['curl', 'http://127.0.0.1:18081/'],
  ['curl', 'http://nosuchhost.invalid/'],
  ['curl', '-o', '/dev/null', 'http://127.0.0.1:18081/'],
  ['curl', '--no-progress-meter', 'http://127.0.0.1:18081/'],
  ['wget', '-qO-', 'http://nosuchhost.invalid/'],
  ['wget', '-qO-', 'http://127.0.0.1:18080/index.html'],
  ['wget', '-qO-', 'http://127.0.0.1:18081/'],
];
