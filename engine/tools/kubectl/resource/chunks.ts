import type { KList, KObject } from '../../../api/types.ts';
import type { ApiClient, ListOptions, ResourceRef } from '../../../client/client.ts';

/** ChunkQuery is what each request of a chunked list adds to its query. */
export interface ChunkQuery {
  limit?: string;
  continue?: string;
}

/**
 * listInChunks is cli-runtime's RequestChunksOf/FollowContinue: a list asks
 * for at most chunkSize objects (kubectl's --chunk-size, 500 by default; 0
 * asks for everything at once) and follows each answer's continue token with
 * another request until the server gives none. It returns the answers in
 * order; a failed request ends it with that request's error.
 */
export function listInChunks<T extends { metadata?: { continue?: string } }>(chunkSize: number, list: (q: ChunkQuery) => T): T[] {
  const pages: T[] = [];
  let next: string | undefined;
  do {
    const q: ChunkQuery = {};
    if (chunkSize > 0) q.limit = String(chunkSize);
    if (next) q.continue = next;
    const page = list(q);
    pages.push(page);
    next = page.metadata?.continue;
  } while (next);
  return pages;
}

/** listPagesInChunks lists one resource through the client in chunks and returns each answer. */
export function listPagesInChunks(client: ApiClient, ref: ResourceRef, namespace: string | undefined, opts: ListOptions, chunkSize: number): KList[] {
  return listInChunks(chunkSize, (q) => client.list(ref, namespace, { ...opts, ...(q.limit ? { limit: Number(q.limit) } : {}), ...(q.continue ? { continue: q.continue } : {}) }));
}

/** listItemsInChunks lists one resource through the client in chunks and returns every object, in order. */
export function listItemsInChunks(client: ApiClient, ref: ResourceRef, namespace: string | undefined, opts: ListOptions, chunkSize: number): KObject[] {
  const pages = listPagesInChunks(client, ref, namespace, opts, chunkSize);
  return pages.length === 1 ? pages[0]!.items : pages.flatMap((p) => p.items);
}
