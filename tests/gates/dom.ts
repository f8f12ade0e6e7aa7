/**
 * DOM helpers of the quality gates: walking light and shadow trees, waiting for elements to
 * settle, finding markup that a string should never have become.
 */

/** Every element under `root` (not `root` itself), through open shadow roots and slots' light DOM. */
export function deepElements(root: Node): Element[] {
  const out: Element[] = [];
  const visit = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child instanceof Element) {
        out.push(child);
        if (child.shadowRoot) visit(child.shadowRoot);
        if (child instanceof HTMLTemplateElement) visit(child.content);
      }
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

/** The text a person could read under `root`: text nodes of light and shadow trees, without style and script. */
export function deepText(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') return;
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    if (node.nodeType === Node.TEXT_NODE) parts.push((node as Text).data);
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  visit(root);
  return parts.join('');
}

/** The text of every `role=alert` region under `root` (where elements show errors). */
export function alerts(root: Node): string[] {
  return deepElements(root)
    .filter((el) => el.getAttribute('role') === 'alert')
    .map((el) => deepText(el).trim())
    .filter((t) => t.length > 0);
}

const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'base', 'meta', 'frame', 'frameset', 'x-fg-pwned', 'marquee']);
const URL_ATTRS = new Set(['src', 'href', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background']);

/**
 * Nodes under `root` that look like markup parsed from a string: a script or frame element, an
 * inline `on…` handler (Lit binds listeners, it never writes `on…` attributes), a `javascript:`
 * URL, a `srcdoc`, the corpus's `data-fg-pwned` marker, or a style attribute with script in it.
 * Returns one description per finding.
 */
export function injectedMarkup(root: Node): string[] {
  const found: string[] = [];
  for (const el of deepElements(root)) {
    if (FORBIDDEN_TAGS.has(el.localName)) found.push(`<${el.localName}> element`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      // Strip what the URL parser strips (controls, whitespace) before looking at the scheme.
      const value = Array.from(attr.value).filter((ch) => ch > ' ' && ch !== '\u007f').join('').toLowerCase();
      if (name.startsWith('on')) found.push(`<${el.localName} ${name}=…> inline handler`);
      else if (name === 'srcdoc' || name === 'data-fg-pwned') found.push(`<${el.localName} ${name}> attribute`);
      else if (URL_ATTRS.has(name) && /^(javascript|vbscript|data:text\/html)/.test(value)) {
        found.push(`<${el.localName} ${name}="${attr.value.slice(0, 40)}"> script URL`);
      } else if (name === 'style' && /javascript:|expression\(/.test(value)) found.push(`<${el.localName} style> with script`);
    }
  }
  return found;
}

interface Updating {
  updateComplete: Promise<unknown>;
  isUpdatePending?: boolean;
}

const isUpdating = (el: Element): el is Element & Updating =>
  'updateComplete' in el && (el as Partial<Updating>).updateComplete instanceof Promise;

/** A cheap fingerprint of the rendered tree: element count, text length, attribute count. */
function fingerprint(root: Node): string {
  const els = deepElements(root);
  let attrs = 0;
  for (const el of els) attrs += el.attributes.length;
  return `${els.length}:${deepText(root).length}:${attrs}`;
}

/**
 * Waits until every Lit element under `root` has finished updating and the rendered tree has not
 * changed for `quietMs` (loads over a memory host settle in a few macrotasks), or `timeoutMs`.
 * Uses timers, not animation frames: a background test tab may get no frames.
 */
export async function settle(root: Node, options: { quietMs?: number; timeoutMs?: number } = {}): Promise<void> {
  const quietMs = options.quietMs ?? 40;
  const deadline = Date.now() + (options.timeoutMs ?? 3_000);
  let last = '';
  let stableSince = Date.now();
  for (;;) {
    const els = [...(root instanceof Element ? [root] : []), ...deepElements(root)].filter(isUpdating);
    await Promise.all(els.map((el) => el.updateComplete));
    await new Promise((r) => setTimeout(r, 10));
    const now = Date.now();
    const fp = fingerprint(root);
    const pending = els.some((el) => el.isUpdatePending === true);
    if (fp !== last || pending) {
      last = fp;
      stableSince = now;
    } else if (now - stableSince >= quietMs) {
      return;
    }
    if (now > deadline) return;
  }
}
