import type { EngineEvent } from '../protocol/api.ts';
import type { Editor } from '../host/process.ts';
import type { World } from '../cluster/world.ts';

/**
 * EditorBridge is the lab's Editor when a human is at the UI: opening a file
 * emits an 'edit' event with the file's content and waits for the UI's
 * finishEdit (saved text, or null when closed without saving). The file is
 * written as the user who ran the editor, so permissions hold.
 */
export class EditorBridge implements Editor {
  private pending = new Map<string, (content: string | null) => void>();
  private next = 1;

  constructor(
    private readonly world: () => World,
    private readonly emit: (e: EngineEvent) => void,
    private readonly sessionOf: () => string,
  ) {}

  async edit(req: { host: string; path: string; user: import('../host/types.ts').User; title?: string }): Promise<{ saved: boolean }> {
    const host = this.world().host(req.host);
    if (!host) return { saved: false };
    const fs = host.fsFor(req.user);
    let content = '';
    try {
      content = fs.readFile(req.path);
    } catch {
      content = '';
    }
    const requestId = `e${this.next++}`;
    const answer = new Promise<string | null>((resolve) => this.pending.set(requestId, resolve));
    this.emit({ type: 'edit', requestId, session: this.sessionOf(), host: req.host, path: req.path, content, title: req.title });
    const saved = await answer;
    if (saved === null) return { saved: false };
    fs.writeFile(req.path, saved);
    return { saved: true };
  }

  /** finish answers an open edit; unknown ids are ignored (a reloaded page answering an old request). */
  finish(requestId: string, content: string | null): void {
    const resolve = this.pending.get(requestId);
    if (!resolve) return;
    this.pending.delete(requestId);
    resolve(content);
  }

  /** cancelAll closes every open editor without saving (the lab is being replaced). */
  cancelAll(): void {
    for (const resolve of this.pending.values()) resolve(null);
    this.pending.clear();
  }
}
