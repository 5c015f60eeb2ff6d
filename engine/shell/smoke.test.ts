import { describe, expect, it } from 'vitest';
import { createTestLab, TestTerminal } from './testing/lab.ts';

describe('smoke', () => {
  it('runs', async () => {
    const t = await TestTerminal.open(createTestLab());
    console.log(JSON.stringify(t.prompt()));
    for (const l of ['for i in a b c; do echo $i; done | cat', 'cat <<EOF\nhi $x\nEOF', 'ls -la', 'ls /', 'ls -l /etc | head -5', 'echo hello | tr a-z A-Z', 'cat /etc/passwd | awk -F: \'$3>=1000 {print $1}\'', 'grep -n root /etc/passwd', 'seq 3 | sed s/1/X/', 'sort -n <<< $\'3\\n1\\n2\'', 'whoami; id', 'sudo whoami', 'sudo -i', 'pwd; whoami', 'exit', 'ssh node01', 'hostname', 'exit', 'ssh nope', 'echo $?', 'mkdir -p /tmp/a/b && touch /tmp/a/b/f && find /tmp/a', 'tar czf /tmp/x.tgz -C /tmp a && tar tzvf /tmp/x.tgz', 'cd /tmp && diff <(echo a) <(echo b)', 'wc -l /etc/passwd', 'date', 'ps aux', 'yes | head -2', 'sleep 2; echo slept', 'k get po']) {
      const r = await t.run(l);
      console.log(JSON.stringify(l), '=>', r.code, JSON.stringify(r.out), JSON.stringify(t.prompt()));
    }
    expect(1).toBe(1);
  });
});
