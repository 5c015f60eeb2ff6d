import type { BootInfo, EngineEvent, SessionInfo } from '../../engine/protocol/api.ts';
import type { EngineClient } from '../engine/client.ts';
import type { DoneResult } from '../features/terminal/controller.ts';
import { History } from '../features/terminal/history.ts';
import { TerminalTab } from '../features/terminal/terminal-tab.ts';
import { ClusterState } from '../features/topology/model.ts';
import type { LabStore } from '../persistence/db.ts';
import type { LabSnapshot, TabSnapshot, UiSnapshot } from '../persistence/snapshot.ts';
import { notify, useApp } from '../state/store.ts';
import { routeEvent, tabTitle } from './events.ts';
import { isPageKey } from './keys.ts';
import { restoreLab } from './restore.ts';
import { Saver } from './saver.ts';

/**
 * LabSession runs the page's side of a lab: it boots or restores the engine,
 * keeps the terminal tabs attached to engine sessions, routes engine events
 * (output to tabs, edits to the editor, cluster diffs to the topology), and
 * saves everything to IndexedDB after each command. Cluster state and
 * terminals live here, not in the store: they change too often for React.
 */
export class LabSession {
  readonly cluster = new ClusterState();
  readonly tabs = new Map<string, TerminalTab>();
  history = new History();
  readonly saver: Saver;
  private clusterListeners = new Set<() => void>();
  private nextTab = 1;
  /** bootInfo is the current lab's boot answer (hosts, clusters). */
  bootInfo: BootInfo | undefined;
  /** onCommand hooks the rewind timeline (set by the timeline module); it may hand back the state it read. */
  onCommand: ((tab: TerminalTab, command: string, r: DoneResult) => Promise<Uint8Array | undefined>) | undefined;
  /** onFreshBoot records the timeline's first point. */
  onFreshBoot: (() => Promise<Uint8Array | undefined>) | undefined;

  constructor(
    readonly engine: EngineClient,
    readonly store: LabStore,
  ) {
    engine.on((e) => this.handleEvent(e));
    engine.onFatal((e) => notify('error', `engine error: ${e.message}`));
    this.saver = new Saver(() => this.snapshot(), store);
    this.saver.engineState = () => this.engine.saveState();
    this.saver.onError = (err) => notify('warning', `The lab could not be saved: ${(err as Error).message}`);
    this.saver.onQuotaExceeded = () =>
      notify('error', "The browser's storage is full, so the lab is not being saved; the last save is intact. Export the lab to keep your work, or free some space.", 20000);
  }

  // ---- start, reset, restore ----

  /** start restores the saved lab if there is one, or boots a new one. */
  async start(saved: LabSnapshot | undefined): Promise<void> {
    // The boot's call goes out at once, without waiting for the worker's "ready": a worker keeps the messages
    // sent while its script loads and runs them once it has run, which saves a round trip through this thread.
    void this.engine.ready.then(() => performance.mark('kubelab:engine-ready'));
    if (saved) {
      try {
        await this.restoreSnapshot(saved);
        return;
      } catch (err) {
        notify('warning', `The saved lab could not be restored (${(err as Error).message}); a new lab was started.`, 10000);
      }
    }
    await this.bootFresh();
  }

  /**
   * recover brings the lab back after the engine's worker died and a new one
   * started: everything up to the last save returns; only the command that
   * was running is lost.
   */
  async recover(reason: string): Promise<void> {
    const saved = await this.store.load().catch(() => undefined);
    await this.saver.pause(async () => {
      if (saved) await this.restoreSnapshot(saved);
      else await this.bootFresh();
    });
    notify('warning', `${reason[0]!.toUpperCase()}${reason.slice(1)}; it was restarted from the last save. The command that was running was lost.`, 15000);
  }

  /** bootFresh starts a new lab with one terminal tab. */
  async bootFresh(labText?: string, prepare?: () => Promise<void>): Promise<void> {
    const booting = this.bootEngine(undefined, labText);
    // The first tab's terminal opens while the engine boots (the page has nothing else to do meanwhile).
    const ahead = this.terminalAhead();
    let first: SessionInfo;
    try {
      const info = await booting;
      first = info.sessions[0] ?? (await this.engine.openSession());
    } catch (err) {
      ahead?.tab.dispose();
      throw err;
    }
    const tab = this.createTab(first, ahead?.id, ahead?.tab);
    useApp.setState({ activeTab: tab.id });
    tab.controller.showPrompt(first.prompt);
    // An exercise's setup runs before the first rewind point, so rewinding never undoes it.
    await prepare?.();
    const state = await this.onFreshBoot?.().catch(() => undefined);
    await this.saver.saveNow(state);
  }

  /** restoreSnapshot brings back a saved or imported lab: engine, terminals, editor, clock. */
  async restoreSnapshot(snap: LabSnapshot): Promise<void> {
    await restoreLab(this, snap);
  }

  /**
   * bootEngine boots (or restores) the engine, then subscribes to the
   * cluster without waiting for it: the first diff carries every object, and
   * the prompt should not wait for the graph.
   */
  async bootEngine(state?: Uint8Array, labText?: string): Promise<BootInfo> {
    this.cluster.clear();
    this.emitCluster();
    useApp.setState({ selected: null });
    const info = await this.engine.boot(state ? { state } : { start: Date.now(), ...(labText ? { lab: labText } : {}) });
    performance.mark('kubelab:booted');
    this.bootInfo = info;
    const cluster = info.clusters[0];
    useApp.setState({ context: cluster?.context ?? '', hosts: info.clusters.flatMap((c) => c.hosts), boot: { status: 'ready' } });
    void this.engine.watchCluster().catch((err: unknown) => notify('warning', `topology unavailable: ${(err as Error).message}`));
    const speed = useApp.getState().prefs.speed;
    if (speed !== 1) void this.engine.setSpeed(speed).catch(() => undefined);
    return info;
  }

  /** reset starts a clean lab: new cluster, one fresh terminal, no history, no files, no timeline. */
  async reset(): Promise<void> {
    await this.resetTo();
  }

  /**
   * resetTo starts a clean lab from a lab definition (an exercise pack's), then
   * lets `prepare` set it up (an exercise's setup) before the first save.
   */
  async resetTo(labText?: string, prepare?: () => Promise<void>): Promise<void> {
    await this.saver.pause(async () => {
      await this.store.clear();
      this.disposeTabs();
      this.history = new History();
      useApp.setState({ files: [], activeFile: null, exam: { mode: 'practice' }, timeline: [], timelineAt: null, filters: { namespaces: null, hiddenKinds: [] } });
      await this.bootFresh(labText, prepare);
    });
  }

  // ---- tabs ----

  /**
   * createTab makes a terminal tab attached to an engine session; `made` is
   * a terminal terminalAhead already built for this id.
   */
  createTab(info: SessionInfo, id = `t${this.nextTab++}`, made?: TerminalTab): TerminalTab {
    const n = Number(id.slice(1));
    if (n >= this.nextTab) this.nextTab = n + 1;
    const tab = made?.id === id ? made : this.newTerminal(id, info.id);
    tab.session = info.id;
    tab.info = info;
    this.tabs.set(id, tab);
    useApp.setState((s) => ({ tabs: [...s.tabs.filter((x) => x.id !== id), { id, session: info.id, title: tabTitle(info), ended: false }] }));
    return tab;
  }

  private newTerminal(id: string, session: string, history = this.history): TerminalTab {
    const prefs = useApp.getState().prefs;
    const tab: TerminalTab = new TerminalTab({
      id,
      session,
      engine: this.engine,
      history,
      theme: prefs.theme,
      screenReader: prefs.screenReader,
      keyFilter: (e) => !isPageKey(e, tab),
      onDone: (t, c, r) => void this.commandDone(t, c, r),
      onChange: () => this.saver.schedule(),
      onEnded: (t) => this.sessionEnded(t),
    });
    return tab;
  }

  /**
   * terminalAhead builds and opens a tab's terminal (the next tab, or tab
   * `id` of a lab being restored, with its history) before its engine session
   * exists: the session comes with the boot's reply, and the page has nothing
   * else to do meanwhile. It opens at the size of the terminal pane. Not where
   * there is no page to open it in. A terminal createTab does not take is the
   * caller's to dispose.
   */
  terminalAhead(o: { id?: string; history?: History } = {}): { id: string; tab: TerminalTab } | undefined {
    if (typeof document === 'undefined') return undefined;
    const id = o.id ?? `t${this.nextTab++}`;
    const tab = this.newTerminal(id, '', o.history);
    tab.openAhead(document.querySelector('.xterm-slot'));
    return { id, tab };
  }

  /** newTab opens another terminal, on `host` if given (as ssh would). */
  async newTab(host?: string): Promise<void> {
    const info = await this.engine.openSession(host ? { host } : undefined);
    const tab = this.createTab(info);
    useApp.setState({ activeTab: tab.id });
    tab.controller.showPrompt(info.prompt);
    this.saver.schedule();
  }

  /** closeTab ends a terminal; the last one is replaced by a fresh one. */
  async closeTab(id: string): Promise<void> {
    const tab = this.tabs.get(id);
    if (!tab) return;
    this.tabs.delete(id);
    void this.engine.closeSession(tab.session).catch(() => undefined);
    tab.dispose();
    useApp.setState((s) => {
      const tabs = s.tabs.filter((t) => t.id !== id);
      return { tabs, activeTab: s.activeTab === id ? (tabs[tabs.length - 1]?.id ?? '') : s.activeTab };
    });
    if (this.tabs.size === 0) await this.newTab();
    this.saver.schedule();
  }

  /** disposeTabs closes every terminal (the lab is being replaced). */
  disposeTabs(): void {
    for (const t of this.tabs.values()) t.dispose();
    this.tabs.clear();
    useApp.setState({ tabs: [], activeTab: '' });
  }

  private async sessionEnded(tab: TerminalTab): Promise<void> {
    useApp.setState((s) => ({ tabs: s.tabs.map((t) => (t.id === tab.id ? { ...t, ended: true } : t)) }));
    // Enter in an ended tab starts a new shell there, as a terminal emulator's "restart" does.
    const sub = tab.term.onData((d) => {
      if (!d.includes('\r')) return;
      sub.dispose();
      void this.engine.openSession().then((info) => {
        tab.attach(info);
        useApp.setState((s) => ({ tabs: s.tabs.map((t) => (t.id === tab.id ? { ...t, session: info.id, title: tabTitle(info), ended: false } : t)) }));
        tab.controller.showPrompt(info.prompt);
      });
    });
  }

  /** activeTab is the terminal the user sees. */
  activeTab(): TerminalTab | undefined {
    return this.tabs.get(useApp.getState().activeTab);
  }

  /** tabOnHost finds a terminal idle at a prompt on `host`, the active one first. */
  tabOnHost(host: string): TerminalTab | undefined {
    const order = [this.activeTab(), ...this.tabs.values()].filter((t): t is TerminalTab => !!t);
    return order.find((t) => t.info?.host === host) ?? order[0];
  }

  private async commandDone(tab: TerminalTab, command: string, r: DoneResult): Promise<void> {
    tab.info = r.session;
    let state: Uint8Array | undefined;
    if (this.onCommand) {
      state = await this.onCommand(tab, command, r).catch((err: unknown) => {
        notify('warning', `rewind point not saved: ${(err as Error).message}`);
        return undefined;
      });
    }
    if (state) void this.saver.saveNow(state);
    else this.saver.schedule();
  }

  // ---- events ----

  /** handleEvent routes one engine event to the page (the engine client calls it for every event). */
  handleEvent(e: EngineEvent): void {
    routeEvent(this, e);
  }

  /** tabForSession finds the tab attached to an engine session. */
  tabForSession(id: string): TerminalTab | undefined {
    for (const t of this.tabs.values()) if (t.session === id) return t;
    return undefined;
  }

  /** onCluster subscribes to cluster changes (the topology view batches them per frame). */
  onCluster(fn: () => void): () => void {
    this.clusterListeners.add(fn);
    return () => this.clusterListeners.delete(fn);
  }

  /** emitCluster tells the topology and the inspector that the cluster changed. */
  emitCluster(): void {
    for (const fn of this.clusterListeners) fn();
  }

  // ---- persistence ----

  /** snapshot collects the page's state for saving (the engine's state is added by the saver). */
  snapshot(): UiSnapshot {
    const s = useApp.getState();
    return {
      prefs: s.prefs,
      history: [...this.history.entries],
      tabs: s.tabs.map((t) => this.tabs.get(t.id)?.snapshot()).filter((t): t is TabSnapshot => !!t),
      activeTab: s.activeTab,
      files: s.files,
      activeFile: s.activeFile,
      exam: s.exam,
      practice: s.practice,
      timeline: s.timeline,
      timelineAt: s.timelineAt,
      filters: s.filters,
    };
  }
}
