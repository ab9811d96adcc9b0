// How the renderer's state classes keep one owner without a getter per field. A class declares
// what it shows as public read-only fields (`readonly text: string = $state('')`), so components and
// other classes can read them and the compiler refuses a write from outside; the class itself writes
// through one handle to itself with the read-only marks taken off (`readonly #set: Writable<X> = this`,
// then `this.#set.text = '…'`). Svelte compiles each rune field to an accessor on the class, so a
// write through the handle is the same reactive write as `this.text = …` would be.
export type Writable<T> = { -readonly [K in keyof T]: T[K] };
