// The one door to services/on-demand.ts: a dynamic import, started once and shared.
import type * as OnDemandModule from './on-demand.ts';

export type OnDemand = typeof OnDemandModule;

let loading: Promise<OnDemand> | null = null;

/** The file-reading code, loaded at the first call (later calls get the same module; after a failed load, the next call tries again). */
export function loadOnDemand(): Promise<OnDemand> {
  loading ??= import('./on-demand.ts').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}
