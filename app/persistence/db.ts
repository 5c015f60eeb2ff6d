import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LabSnapshot } from './snapshot.ts';

interface KubelabDB extends DBSchema {
  session: { key: string; value: LabSnapshot };
  points: { key: number; value: Uint8Array };
}

const DB_NAME = 'kubelab';
const CURRENT = 'current';

/**
 * LabStore keeps the lab in IndexedDB: the current session (engine state and
 * page state, saved after every command) and the rewind points' engine states.
 */
export class LabStore {
  private db: Promise<IDBPDatabase<KubelabDB>> | undefined;

  constructor(private readonly name = DB_NAME) {}

  private open(): Promise<IDBPDatabase<KubelabDB>> {
    this.db ??= openDB<KubelabDB>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('session');
        db.createObjectStore('points');
      },
    });
    return this.db;
  }

  async load(): Promise<LabSnapshot | undefined> {
    return (await this.open()).get('session', CURRENT);
  }

  async save(s: LabSnapshot): Promise<void> {
    await (await this.open()).put('session', s, CURRENT);
  }

  async putPoint(id: number, state: Uint8Array): Promise<void> {
    await (await this.open()).put('points', state, id);
  }

  async getPoint(id: number): Promise<Uint8Array | undefined> {
    return (await this.open()).get('points', id);
  }

  async deletePoints(ids: number[]): Promise<void> {
    const tx = (await this.open()).transaction('points', 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  }

  /** clear forgets everything: "Reset lab". */
  async clear(): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['session', 'points'], 'readwrite');
    await Promise.all([tx.objectStore('session').clear(), tx.objectStore('points').clear(), tx.done]);
  }
}
