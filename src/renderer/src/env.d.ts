/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { ClientApi } from '../../shared/contract.ts';

declare global {
  interface Window {
    /** Injected by the Electron preload; absent when the page is served by the browser host. */
    api?: ClientApi;
  }
}

export {};
