import { describe, expect, it } from 'vitest';
import { expandCommandLine, parseEnvironmentFile, parseExecLine } from './environment.ts';
import { applyAssignments, defaultConfig } from './unit-config.ts';
import { parseUnitFile, splitWords } from './unit-file.ts';

describe('unit files', () => {
  it('parses sections, comments, continuations and reports malformed lines as systemd does', () => {
    const r = parseUnitFile('# c\n[Unit]\nDescription=x\\\n  y\n; also a comment\nBad line\n[Service]\nExecStart=/bin/a\\\n# skipped\n  --b\n', '/etc/systemd/system/x.service');
    expect(r.assignments.map((a) => [a.section, a.key, a.value])).toEqual([['Unit', 'Description', 'x y'], ['Service', 'ExecStart', '/bin/a --b']]);
    expect(r.warnings).toEqual(["/etc/systemd/system/x.service:6: Missing '=', ignoring line."]);
  });

  it('resets lists with an empty assignment (ExecStart= in a drop-in) and reads Restart/RestartSec', () => {
    const cfg = defaultConfig();
    const base = parseUnitFile('[Service]\nExecStart=/usr/bin/kubelet\nRestart=always\nRestartSec=10\nStartLimitInterval=0\n', 'a');
    const drop = parseUnitFile('[Service]\nExecStart=\nExecStart=/usr/bin/kubelet $ARGS\nRestart=sometimes\n', 'b');
    expect(applyAssignments(cfg, [...base.assignments, ...drop.assignments])).toEqual(['b:4: Failed to parse service restart specifier, ignoring: sometimes']);
    expect(cfg.execStart.map((e) => e.raw)).toEqual(['/usr/bin/kubelet $ARGS']);
    expect(cfg.restart).toBe('always');
    expect(cfg.restartMs).toBe(10_000);
    expect(cfg.startLimitIntervalMs).toBe(0);
  });

  it('splits words with quotes and expands $VAR (splitting) and ${VAR} (in place)', () => {
    expect(splitWords(`"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml" 'B=two words' C=3`)).toEqual(['KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml', 'B=two words', 'C=3']);
    const cmd = parseExecLine('-/usr/bin/kubelet $A $EMPTY --x=${B} $$HOME')!;
    expect(cmd.ignoreFailure).toBe(true);
    expect(expandCommandLine(cmd.words, { A: '--a=1  --b=2', B: 'two words' })).toEqual(['/usr/bin/kubelet', '--a=1', '--b=2', '--x=two words', '$HOME']);
  });

  it('reads EnvironmentFile= syntax: quotes, comments, no export', () => {
    expect(parseEnvironmentFile('# kubeadm\nKUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10"\nKUBELET_EXTRA_ARGS=--v=2 # trailing\nexport NOPE=1\n'))
      .toEqual([['KUBELET_KUBEADM_ARGS', '--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10'], ['KUBELET_EXTRA_ARGS', '--v=2']]);
  });
});
