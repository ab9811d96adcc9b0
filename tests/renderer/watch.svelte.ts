// What an effect in a component would see: every value `read` gives, first and after each change,
// with effects flushed at once as the browser would before its next frame.
import { flushSync } from 'svelte';

export function watch<T>(read: () => T): { values: T[]; stop: () => void } {
  const values: T[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      values.push(read());
    });
  });
  flushSync();
  return { values, stop };
}

export { flushSync };

/** A value that effects and deriveds react to, as a stand-in for state a class reads from elsewhere. */
export function cell<T>(initial: T): { get: () => T; set: (value: T) => void } {
  let value = $state.raw(initial);
  return {
    get: () => value,
    set: (next) => {
      value = next;
    }
  };
}
