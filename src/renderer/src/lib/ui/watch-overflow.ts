// Whether an element's content overflows it, kept up to date as either changes size or the content
// is replaced. A scroll box that overflows takes the keyboard focus (Tab, then arrows and Page
// Up/Down) so it can be read without a mouse; one that fits adds no tab stop. Used by the dialog
// body and the import preview's table, so two nested boxes never both become tab stops.

/** Calls `report` now and whenever overflow may have changed; returns the way to stop. */
export function watchOverflow(el: HTMLElement, report: (overflows: boolean) => void): () => void {
  const measure = (): void => report(el.scrollHeight > el.clientHeight + 1);
  const sizes = new ResizeObserver(measure);
  const watch = (): void => {
    sizes.disconnect();
    sizes.observe(el);
    for (const child of el.children) sizes.observe(child);
    measure();
  };
  const content = new MutationObserver(watch);
  content.observe(el, { childList: true });
  watch();
  return () => {
    sizes.disconnect();
    content.disconnect();
  };
}
