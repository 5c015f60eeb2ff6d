/** Edit is one line-level operation of a diff. */
export type Edit = { op: '=' | '-' | '+'; a: number; b: number };

/**
 * diffLines computes a shortest edit script between two line arrays with
 * Myers' O(ND) algorithm, returned as a sequence of keep/delete/insert.
 */
export function diffLines(a: string[], b: string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice());
        break outer;
      }
    }
  }
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vv = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vv[off + k - 1]! < vv[off + k + 1]!) ? k + 1 : k - 1;
    const prevX = vv[off + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) edits.push({ op: '=', a: --x, b: --y });
    if (d > 0) {
      if (x === prevX) edits.push({ op: '+', a: x, b: --y });
      else edits.push({ op: '-', a: --x, b: y });
    }
  }
  while (x > 0 && y > 0) edits.push({ op: '=', a: --x, b: --y });
  return edits.reverse();
}
