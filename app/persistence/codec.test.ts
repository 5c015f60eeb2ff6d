import { describe, expect, it } from 'vitest';
import { decodeSession, encodeSession, fromBase64, SessionFileError, toBase64, trimTranscript } from './codec.ts';
import type { LabSnapshot } from './snapshot.ts';

const ui = {
  prefs: { theme: 'dark' as const, vim: false, screenReader: false, layout: {}, speed: 1 },
  history: ['kubectl get nodes'],
  tabs: [{ id: 't1', session: 's1', transcript: 'x', controller: { mode: 'edit' as const, text: '', cursor: 0, prompt: '$ ', ps1: '$ ', pendingLines: [] } }],
  activeTab: 't1',
  files: [],
  activeFile: null,
  exam: { mode: 'practice' as const },
  timeline: [{ id: 1, at: 5, command: 'ls', tab: 't1' }],
  timelineAt: 1,
  filters: { namespaces: null, hiddenKinds: [] },
};

describe('session files', () => {
  it('round-trips a lab, without its rewind points', () => {
    const engine = new Uint8Array(70000).map((_, i) => (i * 31) % 256);
    const s: LabSnapshot = { savedAt: Date.UTC(2026, 0, 5), engine, ui };
    const back = decodeSession(encodeSession(s));
    expect(back.engine).toEqual(engine);
    expect(back.savedAt).toBe(s.savedAt);
    expect(back.ui.history).toEqual(['kubectl get nodes']);
    expect(back.ui.timeline).toEqual([]);
  });

  it('refuses files that are not sessions, with a reason', () => {
    expect(() => decodeSession('<html>')).toThrow(new SessionFileError('not a kubelab session file (it is not JSON)'));
    expect(() => decodeSession('{"format":"other"}')).toThrow('not a kubelab session file');
    expect(() => decodeSession('{"format":"kubelab-session","version":9}')).toThrow('session file version 9 is not supported (this kubelab reads version 1)');
    expect(() => decodeSession('{"format":"kubelab-session","version":1,"engine":"AA==","ui":{}}')).toThrow('no terminal or editor state');
  });

  it('encodes bytes as base64', () => {
    expect(toBase64(new Uint8Array([0, 255, 16]))).toBe('AP8Q');
    expect(fromBase64('AP8Q')).toEqual(new Uint8Array([0, 255, 16]));
  });

  it('trims a transcript to its newest lines', () => {
    expect(trimTranscript('line1\nline2\nline3\n', 10)).toBe('line3\n');
    expect(trimTranscript('short', 10)).toBe('short');
  });
});
