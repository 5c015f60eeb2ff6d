import type { Parser, Printer, Syntax } from 'mvdan-sh';
import { hostWork } from '../../base/host-work.ts';

/**
 * The mvdan-sh parser is a 1.5 MB GopherJS bundle, so it is imported on
 * first use (or ahead of time with preloadShellParser) and kept for good.
 * parseStats records how long loading and parsing took, for benchmarks.
 */
interface Loaded {
  sx: Syntax;
  parser: Parser;
  printer: Printer;
}

let loaded: Loaded | undefined;
let loading: Promise<Loaded> | undefined;

/** parseStats accumulates timing of the parser (performance.now() is absent in some hosts: then zero). */
export const parseStats = { loadMs: 0, parses: 0, parseMs: 0 };

/** nowMs reads a monotonic clock for statistics only (never for simulated time). */
export function nowMs(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : 0;
}

/** loadShellParser imports mvdan-sh once; later calls share the same promise. */
export function loadShellParser(): Promise<Loaded> {
  if (loaded) return Promise.resolve(loaded);
  if (!loading) {
    const t0 = nowMs();
    loading = hostWork(import('mvdan-sh')).then((mod) => {
      const root = ((mod as { default?: unknown }).default ?? mod) as { syntax: Syntax };
      const sx = root.syntax;
      loaded = { sx, parser: sx.NewParser(sx.KeepComments(false), sx.Variant(sx.LangBash)), printer: sx.NewPrinter() };
      parseStats.loadMs = nowMs() - t0;
      return loaded;
    });
  }
  return loading;
}

/** preloadShellParser starts loading the parser in the background (call it at boot, off the critical path). */
export function preloadShellParser(): void {
  void loadShellParser();
}

/** loadedParser returns the parser when it is already loaded. */
export function loadedParser(): Loaded | undefined {
  return loaded;
}
