// What kind of element has the keyboard, for the shortcut rules in keyboard.ts (which stay free of
// the DOM so they can be tested anywhere).
const NOT_TYPED_INPUTS: readonly string[] = ['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'];

/** Text is typed here (so Ctrl/Cmd+Z is the field's own undo). */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !NOT_TYPED_INPUTS.includes(target.type);
  return false;
}

/** A select: letters and arrows choose its options. */
export function isChoiceField(target: EventTarget | null): boolean {
  return target instanceof HTMLSelectElement;
}
