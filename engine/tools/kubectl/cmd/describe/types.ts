import type { KObject } from '../../../../api/types.ts';
import type { ApiClient } from '../../../../client/client.ts';

/** DescribeContext is what a describer may use besides the object: the client, the time, the object's events. */
export interface DescribeContext {
  client: ApiClient;
  now: number;
  showEvents: boolean;
  /** chunkSize is --chunk-size: the lists describe makes for pods ask for this many at a time */
  chunkSize: number;
  /** events lists the events about an object of a kind */
  events(obj: KObject, kind: string): Parameters<typeof import('./events.ts').describeEvents>[1];
}

/** Describer renders one object. */
export type Describer = (obj: KObject, d: DescribeContext) => string;
