import { describe, expect, it } from 'vitest';
import { readShareParams, shareLink } from './share.ts';

describe('share links', () => {
  it('round-trips an exercise and the pack URL it came from', () => {
    const link = shareLink('http://localhost:8080/?testhooks#x', { pack: 'class', exercise: 'pod-reader' }, 'https://class.example/k8s/pack.yaml');
    expect(link).toBe('http://localhost:8080/?pack=https%3A%2F%2Fclass.example%2Fk8s%2Fpack.yaml&exercise=class%2Fpod-reader');
    expect(readShareParams(new URL(link).search)).toEqual({ packUrl: 'https://class.example/k8s/pack.yaml', exercise: { pack: 'class', exercise: 'pod-reader' } });
  });

  it('ignores an exercise reference that is not pack/exercise', () => {
    expect(readShareParams('?exercise=<script>')).toEqual({});
    expect(readShareParams('?exercise=rbac/pod-reader')).toEqual({ exercise: { pack: 'rbac', exercise: 'pod-reader' } });
  });
});
