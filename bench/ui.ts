import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { percentile, type Bench, type BenchResult } from './types.ts';
import { bigCluster } from '../e2e/fixtures.ts';

/** The built app to measure (KUBELAB_DIST picks another build, e.g. one made with `vite build --outDir`). */
const DIST = process.env.KUBELAB_DIST ?? 'dist';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const STARTS = 7;
const KEYS = 120;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** preview serves dist/ with `vite preview` (the production build, with its CSP) and resolves with its URL. */
async function preview(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', DIST, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('vite preview did not start');
}

/** firstPrompt loads the page in a fresh profile and returns ms from navigation start to the first prompt's frame. */
async function firstPrompt(browser: Browser, url: string, reload: boolean): Promise<{ ms: number; scripts: string[]; engineReady: number; booted: number }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' || /\.js$/.test(new URL(r.url()).pathname)) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(url);
  await waitMark(page);
  let ms = await markTime(page);
  // What loads after the prompt (the graph, the exercise packs) is listed too, once the page settles.
  if (!reload) {
    await page.waitForLoadState('networkidle');
    // The graph's code is requested once the prompt is drawn, possibly after the network first went quiet: wait for its canvas.
    await page.waitForFunction(() => document.querySelectorAll('canvas').length > 0, undefined, { timeout: 10_000 }).catch(() => undefined);
  }
  if (reload) {
    // A saved lab: what a learner sees after closing and reopening the tab.
    await page.waitForTimeout(1500);
    await page.reload();
    await waitMark(page);
    ms = await markTime(page);
  }
  const [engineReady, booted] = await page.evaluate(() => ['kubelab:engine-ready', 'kubelab:booted'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN));
  await ctx.close();
  return { ms, scripts, engineReady: engineReady!, booted: booted! };
}

async function waitMark(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('kubelab:prompt').length > 0, undefined, { timeout: 30_000, polling: 20 });
}

function markTime(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('kubelab:prompt')[0]!.startTime);
}

/**
 * echoOnScreen types characters as a person does: real key presses (the
 * browser's own input events, through xterm's textarea), each at a random
 * moment relative to the display's frames. Each is timed from its keydown
 * event's timestamp to the end of the rendering update (rAF callbacks,
 * layout, paint, commit) of the first frame whose terminal rows show it,
 * read from xterm's DOM renderer. The compositor's and the display's own
 * latency come after and are not included.
 */
async function echoOnScreen(browser: Browser, url: string): Promise<number[]> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(url);
  await waitMark(page);
  await page.waitForLoadState('networkidle');
  // Plain JavaScript: a build that keeps function names (tsx) wraps named inner functions in a helper the page does not have.
  await page.evaluate(`(() => {
    const rec = (window.__echo = { samples: [], typed: '' });
    const rows = document.querySelector('.xterm-rows');
    const shown = (want) => [...rows.children].some((r) => (r.textContent || '').trimEnd().endsWith(want));
    window.addEventListener('keydown', (e) => {
      if (e.ctrlKey) { rec.typed = ''; return; }
      if (e.key.length !== 1) return;
      rec.typed += e.key;
      const want = rec.typed;
      const t0 = e.timeStamp;
      // A message posted from a frame's rAF callback is handled once that frame's rendering update is done.
      const afterFrame = () => requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => (shown(want) ? rec.samples.push(performance.now() - t0) : afterFrame());
        ch.port2.postMessage(0);
      });
      afterFrame();
    }, true);
  })()`);
  await page.locator('.xterm-helper-textarea').focus();
  for (let i = 0; i < KEYS; i++) {
    if (i % 40 === 39) {
      await page.keyboard.press('Control+u');
      continue;
    }
    const n = await page.evaluate(() => (window as unknown as { __echo: { samples: number[] } }).__echo.samples.length);
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await page.waitForFunction((k) => (window as unknown as { __echo: { samples: number[] } }).__echo.samples.length > k, n, { polling: 5, timeout: 5000 });
    // The next key comes at a random moment of the frame, as a typist's do.
    await new Promise((r) => setTimeout(r, Math.random() * 40));
  }
  const samples = await page.evaluate(() => (window as unknown as { __echo: { samples: number[] } }).__echo.samples);
  await ctx.close();
  return samples;
}

/**
 * echoLatency types characters into the terminal (through xterm's input
 * path, exactly as a key press arrives) right at the start of a frame (after
 * the previous key's requestAnimationFrame), the worst moment: the next
 * frame is a whole frame away. It times each key until the parse is done and
 * until that next frame's rAF.
 */
async function echoLatency(browser: Browser, url: string): Promise<[number, number][]> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(`${url}?testhooks`);
  await waitMark(page);
  const samples = await page.evaluate(async (n) => {
    type Term = { input(d: string, user?: boolean): void; write(d: string, cb?: () => void): void; buffer: { active: { cursorY: number; baseY: number; getLine(y: number): { translateToString(trim: boolean): string } | undefined } } };
    const hooks = (window as unknown as { __kubelab: { lab: { activeTab(): { term: Term } | undefined } } }).__kubelab;
    const term = hooks.lab.activeTab()!.term;
    const out: [number, number][] = [];
    // (no named inner functions: a build that keeps function names would call a helper the page does not have)
    for (let i = 0; i < n; i++) {
      const ch = i % 40 === 39 ? '\x15' : String.fromCharCode(97 + (i % 26));
      const t0 = performance.now();
      term.input(ch, true);
      await new Promise<void>((r) => term.write('', r));
      const parsed = performance.now() - t0;
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
      if (ch !== '\x15') {
        const line = term.buffer.active.getLine(term.buffer.active.baseY + term.buffer.active.cursorY)?.translateToString(true) ?? '';
        if (!line.endsWith(ch)) throw new Error(`echo missing: ${JSON.stringify(line)}`);
        out.push([parsed, performance.now() - t0]);
      }
    }
    return out;
  }, KEYS);
  await ctx.close();
  return samples;
}

/**
 * graphTimes loads a 1,000-element cluster into the topology, then measures
 * the time from a 100-pod scale-up arriving to the frame that shows it, and
 * the frame rate while the graph pans.
 */
async function graphTimes(browser: Browser, url: string): Promise<{ updateMs: number; fps: number }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(`${url}?testhooks`);
  await waitMark(page);
  const base = bigCluster(1000);
  await page.evaluate((d) => (window as unknown as { __kubelab: { inject(e: unknown): void } }).__kubelab.inject({ type: 'cluster', diff: d }), base);
  await page.waitForFunction(() => ((window as unknown as { __cy?: { nodes(): { length: number } } }).__cy?.nodes().length ?? 0) > 300, undefined, { timeout: 30_000 });
  await page.waitForTimeout(1500);
  const rs = base.added.find((o) => o.kind === 'ReplicaSet')!;
  const scale = {
    added: Array.from({ length: 100 }, (_, i) => ({
      kind: 'Pod', apiVersion: 'v1', name: `scaled-${i}`, namespace: rs.namespace, uid: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: `scaled-${i}`, namespace: rs.namespace, uid: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.name, uid: rs.uid, controller: true }] }, spec: { nodeName: i % 2 ? 'node01' : 'node02' }, status: { phase: 'Pending' } },
    })),
    updated: [], removed: [], revision: 2,
  };
  const updateMs = await page.evaluate(async (d) => {
    const w = window as unknown as { __kubelab: { inject(e: unknown): void }; __cy: { nodes(): { length: number } } };
    const before = w.__cy.nodes().length;
    const t0 = performance.now();
    w.__kubelab.inject({ type: 'cluster', diff: d });
    for (;;) {
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
      if (w.__cy.nodes().length >= before + 100) return performance.now() - t0;
      if (performance.now() - t0 > 10_000) return NaN;
    }
  }, scale);
  const fps = await page.evaluate(async () => {
    const cy = (window as unknown as { __cy: { panBy(p: { x: number; y: number }): void } }).__cy;
    let frames = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 2000) {
      cy.panBy({ x: 2, y: 1 });
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
      frames++;
    }
    return (frames * 1000) / (performance.now() - t0);
  });
  await ctx.close();
  return { updateMs, fps };
}

/** workerClosure finds the engine worker's files among the loaded ones: its entry and what it imports. */
function workerClosure(loaded: string[]): Set<string> {
  const out = new Set<string>();
  const todo = loaded.filter((f) => /\/worker-[^/]+\.js$/.test(f));
  while (todo.length) {
    const f = todo.pop()!;
    if (out.has(f)) continue;
    out.add(f);
    const p = join(DIST, f.replace(/^\//, ''));
    if (!existsSync(p)) continue;
    const src = readFileSync(p, 'utf8');
    for (const m of src.matchAll(/(?:from|import\()\s*["`]\.\/([^"`]+\.js)["`]/g)) todo.push(`/assets/${m[1]}`);
  }
  return out;
}

/** gzipKB is the gzip size of built files in kB. */
function gzipKB(files: string[]): number {
  let bytes = 0;
  for (const f of new Set(files)) {
    const p = join(DIST, f.replace(/^\//, ''));
    if (existsSync(p)) bytes += gzipSync(readFileSync(p), { level: 9 }).length;
  }
  return bytes / 1000;
}

/** uiBench measures the page: time to an interactive prompt, keystroke echo, and what the first load downloads. */
export const uiBench: Bench = {
  name: 'ui',
  async run(): Promise<BenchResult[]> {
    if (!existsSync(join(DIST, 'index.html'))) {
      const b = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', DIST, '--logLevel', 'warn'], { stdio: 'inherit' });
      if (b.status !== 0) throw new Error('vite build failed');
    }
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    const { url, child } = await preview();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    try {
      const fresh: number[] = [];
      const ready: number[] = [];
      const booted: number[] = [];
      let scripts: string[] = [];
      for (let i = 0; i < STARTS; i++) {
        const r = await firstPrompt(browser, url, false);
        fresh.push(r.ms);
        ready.push(r.engineReady);
        booted.push(r.booted);
        scripts = r.scripts;
      }
      const restored: number[] = [];
      for (let i = 0; i < 3; i++) restored.push((await firstPrompt(browser, url, true)).ms);
      const echo = await echoLatency(browser, url);
      const typed = await echoOnScreen(browser, url);
      const topo = await graphTimes(browser, url);

      const monaco = (f: string) => /monaco|MonacoEditor|editor\.worker|yaml\.worker/i.test(f);
      const loaded = [...new Set(scripts)].filter((f) => !monaco(f));
      const worker = workerClosure(loaded);
      const graph = loaded.filter((f) => /graph-view/.test(f));
      const packs = loaded.filter((f) => /packs-worker/.test(f));
      const page = loaded.filter((f) => !graph.includes(f) && !packs.includes(f) && (!worker.has(f) || /rolldown-runtime/.test(f)));
      const note = `${STARTS} fresh loads, 1280x720, headless Chromium, vite preview; engine worker loaded at ${percentile(ready, 50).toFixed(0)} ms, lab booted at ${percentile(booted, 50).toFixed(0)} ms`;
      return [
        { name: 'ui: navigation to interactive prompt (fresh lab, p50)', value: percentile(fresh, 50), unit: 'ms', aim: { op: '<', value: 1000 }, note },
        { name: 'ui: navigation to interactive prompt (fresh lab, worst)', value: Math.max(...fresh), unit: 'ms' },
        { name: 'ui: navigation to interactive prompt (saved lab restored, p50)', value: percentile(restored, 50), unit: 'ms' },
        { name: 'ui: keystroke to echo in the terminal (p50)', value: percentile(echo.map((e) => e[0]), 50), unit: 'ms', note: `${echo.length} keys: line editor + xterm parse` },
        { name: 'ui: keystroke to echo on screen (p50)', value: percentile(typed, 50), unit: 'ms', aim: { op: '<', value: 16 }, note: `${typed.length} key presses at random moments of the frame, keydown to the painted frame that shows it (60 Hz)` },
        { name: 'ui: keystroke to echo on screen (p99)', value: percentile(typed, 99), unit: 'ms' },
        { name: 'ui: keystroke to echo on screen, typed at the start of a frame (p50)', value: percentile(echo.map((e) => e[1]), 50), unit: 'ms', note: 'worst phase: the next frame is a whole frame away; until its rAF' },
        { name: 'ui: initial JavaScript of the page (gzip, Monaco excluded)', value: gzipKB(page), unit: 'kB', aim: { op: '<', value: 400 }, note: page.map((f) => f.replace('/assets/', '')).join(', ') },
        { name: 'ui: topology update after a 100-pod scale-up (at 1,000 elements)', value: topo.updateMs, unit: 'ms', aim: { op: '<', value: 50 }, note: 'diff arriving to the frame that shows it' },
        { name: 'ui: frame rate while panning 1,000 elements', value: topo.fps, unit: 'fps', note: 'headless Chromium, software rendering' },
        { name: 'ui: graph (cytoscape), loaded after the first prompt (gzip)', value: gzipKB(graph), unit: 'kB' },
        { name: 'ui: exercise packs, parsed in a worker after the first prompt (gzip)', value: gzipKB(packs), unit: 'kB' },
        { name: 'ui: engine worker (gzip)', value: gzipKB([...worker]), unit: 'kB', note: [...worker].map((f) => f.replace('/assets/', '')).join(', ') },
      ];
    } finally {
      await browser.close();
      child.kill();
    }
  },
};
