/**
 * Registers `tag` once. A second call with the same class is a no-op; when another copy of the
 * library (a micro-frontend host loading Firegrid twice) already holds the tag, it warns and
 * keeps the first registration instead of throwing.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(`[firegrid] <${tag}> is already defined by another copy of @firegrid/elements; keeping that one.`);
  }
}
