import { describe, expect, it } from 'vitest';
import { commonPrefix, completionStep, displayNames, formatColumns } from './completion.ts';

describe('completionStep', () => {
  it('completes a single candidate and adds a space', () => {
    expect(completionStep('kubectl get po', 14, { start: 12, end: 14, candidates: ['pods'] }, false)).toEqual({ kind: 'replace', start: 12, end: 14, text: 'pods ' });
  });

  it('adds no space after a directory or a flag ending in =', () => {
    expect(completionStep('cat /et', 7, { start: 4, end: 7, candidates: ['/etc/'] }, false)).toMatchObject({ text: '/etc/' });
    expect(completionStep('kubectl get --output', 20, { start: 12, end: 20, candidates: ['--output='] }, false)).toMatchObject({ text: '--output=' });
  });

  it('inserts the common prefix of several candidates, lists them on the second Tab', () => {
    const c = { start: 8, end: 8, candidates: ['get', 'getx'] };
    expect(completionStep('kubectl ', 8, c, false)).toEqual({ kind: 'replace', start: 8, end: 8, text: 'get' });
    const d = { start: 8, end: 9, candidates: ['create', 'cp', 'config'] };
    expect(completionStep('kubectl c', 9, d, false)).toEqual({ kind: 'none' });
    expect(completionStep('kubectl c', 9, d, true)).toEqual({ kind: 'list', items: ['config', 'cp', 'create'] });
  });

  it('does nothing without candidates', () => {
    expect(completionStep('xyz', 3, { start: 0, end: 3, candidates: [] }, true)).toEqual({ kind: 'none' });
  });
});

describe('listing', () => {
  it('shows file candidates by their last component', () => {
    expect(displayNames('/etc/ku', ['/etc/kubernetes/', '/etc/kubelet.conf'])).toEqual(['kubelet.conf', 'kubernetes/']);
    expect(displayNames('po', ['pods', 'podtemplates'])).toEqual(['pods', 'podtemplates']);
  });

  it('lays items out down then across, like bash', () => {
    const out = formatColumns(['a', 'bb', 'ccc', 'd', 'e'], 12);
    expect(out).toBe('a    d\r\nbb   e\r\nccc\r\n');
    expect(commonPrefix(['deployments', 'deploy', 'depl'])).toBe('depl');
  });
});
