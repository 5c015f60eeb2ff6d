import { describe, expect, it } from 'vitest';
import { createTestLab, TestTerminal } from './testing/lab.ts';
import { macrotaskYield, pump } from './testing/pump.ts';
import { loadShellParser } from './parser/load.ts';
import { ShellSession } from './session.ts';
import { Collector } from '../host/streams.ts';

async function term(user = 'candidate', host = 'controlplane') {
  return TestTerminal.open(createTestLab(), { user, host });
}

describe('prompt and login', () => {
  it('renders PS1 as on the exam hosts', async () => {
    const t = await term();
    expect(t.prompt()).toBe('candidate@controlplane:~$ ');
    await t.run('cd /etc/kubernetes 2>/dev/null || cd /etc');
    expect(t.prompt()).toBe('candidate@controlplane:/etc$ ');
    const r = await t.run('echo $HOME $USER $SHELL; pwd');
    expect(r.stdout).toBe('/home/candidate candidate /bin/bash\n/etc\n');
  });

  it('loads aliases from the startup files', async () => {
    const t = await term();
    expect((await t.run('alias k')).stdout).toBe("alias k='kubectl'\n");
    expect((await t.run('type ll')).stdout).toBe("ll is aliased to `ls -alF'\n");
  });
});

describe('multi-line input', () => {
  it('asks for more input until the command is complete', async () => {
    const t = await term();
    expect((await t.run('for i in 1 2; do')).status).toBe('incomplete');
    expect(t.prompt()).toBe('> ');
    expect((await t.run('echo n=$i')).status).toBe('incomplete');
    const r = await t.run('done');
    expect(r).toMatchObject({ status: 'done', code: 0, stdout: 'n=1\nn=2\n' });
    expect(t.prompt()).toBe('candidate@controlplane:~$ ');
  });

  it('handles open quotes, here-documents and trailing backslashes', async () => {
    const t = await term();
    expect((await t.run("echo 'a")).status).toBe('incomplete');
    expect((await t.run("b'")).stdout).toBe('a\nb\n');
    expect((await t.run('cat <<EOF')).status).toBe('incomplete');
    expect((await t.run('line $USER')).status).toBe('incomplete');
    expect((await t.run('EOF')).stdout).toBe('line candidate\n');
    // A quoted delimiter keeps the body literal, and still waits for it line by line.
    expect((await t.run("cat > f.yaml <<'EOF'")).status).toBe('incomplete');
    expect((await t.run('kind: $KIND')).status).toBe('incomplete');
    expect((await t.run('EOF')).status).toBe('done');
    expect((await t.run('cat f.yaml')).stdout).toBe('kind: $KIND\n');
    expect((await t.run('cat <<"END"')).status).toBe('incomplete');
    expect((await t.run('END')).stdout).toBe('');
    expect((await t.run('echo one \\')).status).toBe('incomplete');
    expect((await t.run('two')).stdout).toBe('one two\n');
  });

  it('reports syntax errors with bash text and status 2', async () => {
    const t = await term();
    const r = await t.run('fi');
    expect(r).toMatchObject({ code: 2, stderr: "bash: syntax error near unexpected token `fi'\n" });
    expect((await t.run('echo $?')).stdout).toBe('2\n');
  });

  it('drops incomplete input on Ctrl-C', async () => {
    const t = await term();
    await t.run('if true; then');
    t.session.interrupt();
    expect(t.prompt()).toBe('candidate@controlplane:~$ ');
    expect((await t.run('echo $?')).stdout).toBe('130\n');
  });
});

describe('login stack', () => {
  it('sudo -i pushes a root login shell and exit pops it', async () => {
    const t = await term();
    await t.run('sudo -i');
    expect(t.prompt()).toBe('root@controlplane:~# ');
    expect((await t.run('pwd; echo $SUDO_USER')).stdout).toBe('/root\ncandidate\n');
    const r = await t.run('exit');
    expect(r.stderr).toBe('logout\n');
    expect(t.prompt()).toBe('candidate@controlplane:~$ ');
  });

  it('ssh logs in on another host as the same user and says goodbye', async () => {
    const t = await term();
    await t.run('ssh node01');
    expect(t.prompt()).toBe('candidate@node01:~$ ');
    expect((await t.run('hostname')).stdout).toBe('node01\n');
    const r = await t.run('exit 3');
    expect(r.stderr).toBe('logout\nConnection to node01 closed.\n');
    expect((await t.run('echo $?')).stdout).toBe('3\n');
  });

  it('ssh runs one command remotely and reports unknown hosts like OpenSSH', async () => {
    const t = await term();
    expect((await t.run('ssh node01 hostname')).stdout).toBe('node01\n');
    expect(await t.run('ssh candidate@192.168.100.11 "echo \\$HOSTNAME"')).toMatchObject({ stdout: 'node01\n', code: 0 });
    const r = await t.run('ssh nope');
    expect(r).toMatchObject({ code: 255, stderr: 'ssh: Could not resolve hostname nope: Name or service not known\n' });
    expect((await t.run('ssh ghost@node01')).stderr).toBe('ghost@node01: Permission denied (publickey).\n');
  });

  it('sudo su - and su without root rights', async () => {
    const t = await term();
    expect((await t.run('su -', { input: 'guess\n' })).stderr).toBe('Password: \nsu: Authentication failure\n');
    await t.run('sudo su -');
    expect(t.prompt()).toBe('root@controlplane:~# ');
    await t.run('su - candidate');
    expect(t.prompt()).toBe('candidate@controlplane:~$ ');
    await t.run('exit');
    await t.run('exit');
    expect(t.prompt()).toBe('candidate@controlplane:~$ ');
  });

  it('the last exit ends the session', async () => {
    const t = await term();
    const r = await t.run('exit 4');
    expect(r).toMatchObject({ status: 'ended', code: 4 });
    expect(t.session.ended).toBe(true);
    expect((await t.run('echo hi')).status).toBe('ended');
  });

  it('refuses sudo to users outside sudoers', async () => {
    const lab = createTestLab({ users: [{ name: 'candidate', uid: 1000, sudo: 'nopasswd' }, { name: 'bob', uid: 1001, sudo: false }] });
    const t = await TestTerminal.open(lab, { user: 'bob' });
    const r = await t.run('sudo ls');
    expect(r).toMatchObject({ code: 1, stderr: 'bob is not in the sudoers file.  This incident will be reported.\n' });
    expect((await t.run('cat /etc/shadow')).stderr).toBe('cat: /etc/shadow: Permission denied\n');
  });
});

describe('interactive behaviour', () => {
  it('numbers history like bash and expands !!', async () => {
    const t = await term();
    await t.run('echo one');
    await t.run(' echo hidden');
    await t.run('echo two');
    const h = await t.run('history');
    expect(h.stdout).toBe('    1  echo one\n    2  echo two\n    3  history\n');
    const r = await t.run('!!');
    expect(r.stdout.startsWith('history\n')).toBe(true);
    expect((await t.run('!nope')).stderr).toBe('bash: !nope: event not found\n');
  });

  it('expands aliases for the first word', async () => {
    const t = await term();
    await t.run("alias hi='echo hello'");
    expect((await t.run('hi there | cat')).stdout).toBe('hello there\n');
    await t.run('unalias hi');
    expect((await t.run('hi')).stderr).toBe('bash: hi: command not found\n');
  });

  it('Ctrl-C stops sleep, tail -f, watch and yes', async () => {
    const t = await term();
    expect((await t.run('sleep 100; echo after', { interruptAfterMs: 5000 })).code).toBe(130);
    await t.run('echo first > /tmp/log');
    const p = t.run('tail -f /tmp/log', { interruptAfterMs: 5500 });
    t.lab.runtime.after(2500, () => t.lab.host('controlplane').fs.writeFile('/tmp/log', 'second\n', { append: true }));
    const r = await p;
    expect(r).toMatchObject({ code: 130, stdout: 'first\nsecond\n' });
    const w = await t.run('watch -n 1 date', { interruptAfterMs: 2500 });
    expect(w.code).toBe(130);
    expect(w.stdout.match(/Every 1\.0s: date/g)?.length).toBe(3);
    expect((await t.run('yes', { interruptAfterMs: 100 })).code).toBe(130);
  });

  it('Ctrl-C stops a busy loop at the prompt, and the terminal answers afterwards', async () => {
    const t = await term();
    const loops = ['while true; do :; done', 'x=0; while :; do x=$((x+1)); done', 'for ((;;)); do echo hi > /dev/null; done', 'until false; do (true); done', 'f() { while true; do :; done; }; f | cat', 'while true; do echo y; done | while read l; do :; done'];
    for (const cmd of loops) {
      const p = t.session.submit(cmd);
      let done = false;
      void p.then(() => (done = true));
      // Nothing pumps simulated time here: the loop must hand the host event loop turns by itself,
      // which is how the UI's Ctrl-C message gets in.
      for (let i = 0; i < 40; i++) await macrotaskYield();
      expect(done, cmd).toBe(false);
      t.session.interrupt();
      expect(await p, cmd).toEqual({ status: 'done', code: 130 });
    }
    expect((await t.run('echo $?; echo after')).stdout).toBe('130\nafter\n');
    // in the background it spins until killed, and bash names the signal in the notice
    expect((await t.run('while true; do :; done &')).stderr).toMatch(/^\[1\] \d+\n$/);
    expect((await t.run('jobs')).stdout).toBe('[1]+  Running                 while true; do :; done &\n');
    const killed = (await t.run('kill %1')).stderr + (await t.run('true')).stderr;
    expect(killed).toBe('[1]+  Terminated              while true; do :; done\n');
    // a program that would end with 130 on its own dies of the signal it was sent; marks are + current, - previous
    await t.run('sleep 100 &');
    await t.run('sleep 200 &');
    await t.run('sleep 300 &');
    expect((await t.run('jobs')).stdout).toBe('[1]   Running                 sleep 100 &\n[2]-  Running                 sleep 200 &\n[3]+  Running                 sleep 300 &\n');
    await t.run('kill -9 %2');
    await t.run('true');
    // jobs shows a finished job once, and it is not announced again
    expect((await t.run('jobs')).stdout).toBe('[1]-  Running                 sleep 100 &\n[3]+  Running                 sleep 300 &\n');
    await t.run('kill %3');
    expect((await t.run('jobs')).stdout).toBe('[1]-  Running                 sleep 100 &\n[3]+  Terminated              sleep 300\n');
    expect((await t.run('true')).stderr).toBe('');
  });

  it('spends a simulated millisecond per slice of statements when nobody gives it a host event loop', async () => {
    const lab = createTestLab();
    await loadShellParser();
    const out = new Collector();
    const session = await pump(lab.runtime, ShellSession.open({ world: lab.world, host: lab.host('controlplane'), user: 'candidate', stdout: out, stderr: out }), macrotaskYield);
    const t0 = lab.runtime.now;
    lab.runtime.after(500, () => session.interrupt());
    expect(await pump(lab.runtime, session.submit('while true; do :; done'), macrotaskYield)).toEqual({ status: 'done', code: 130 });
    expect(lab.runtime.now - t0).toBe(500);
  });

  it('lists files in columns on a terminal and one per line in a pipe', async () => {
    const t = await term();
    await t.run('mkdir -p /tmp/c && cd /tmp/c && touch aa bb cc');
    expect((await t.run('ls --color=never')).stdout).toBe('aa  bb\tcc\n');
    expect((await t.run('ls | cat')).stdout).toBe('aa\nbb\ncc\n');
  });

  it('runs background jobs and reports them when done', async () => {
    const t = await term();
    const r = await t.run('sleep 2 &');
    expect(r.stderr).toMatch(/^\[1\] \d+\n$/);
    await t.run('sleep 5');
    const next = await t.run('true');
    expect(next.stderr).toBe('');
    expect(r.stderr + next.stderr).toMatch(/\[1\]/);
  });

  it('sources process substitutions and returns to the previous directory with cd -', async () => {
    const t = await term();
    const r = await t.run('source <(echo "complete -F _x mycmd; psvar=yes"); echo $psvar; complete -p mycmd');
    expect(r.stdout).toBe('yes\ncomplete -F _x mycmd\n');
    expect((await t.run('cd /var/log && cd - && pwd')).stdout).toBe('/home/candidate\n/home/candidate\n');
    expect((await t.run('cd /nope')).stderr).toBe('bash: cd: /nope: No such file or directory\n');
  });

  it('reads the terminal for commands that read stdin', async () => {
    const t = await term();
    const r = await t.run('read -p "name? " n; echo got $n', { input: 'alice\n' });
    expect(r.stdout).toBe('got alice\n');
  });

  it('finds binaries from the filesystem, so removing one breaks it', async () => {
    const t = await term('root');
    expect((await t.run('which ls')).stdout).toBe('/usr/bin/ls\n');
    await t.run('rm /usr/bin/ls');
    expect(await t.run('ls')).toMatchObject({ code: 127, stderr: 'bash: ls: command not found\n' });
    await t.run("printf '#!/kubelab/exec echo\\n' > /usr/local/bin/say && chmod +x /usr/local/bin/say");
    expect((await t.run('say hi')).stdout).toBe('hi\n');
  });
});
