// Config of `npm run analyze` (custom-elements-manifest analyzer, read from the working directory;
// the script's flags add to it). The manifest feeds Storybook's autodocs and the vendor's IDE, so
// it lists the public API only (issue 13, item 7): `publicApiOnly` below removes what the
// analyzer finds but a vendor cannot use. `tests/node/manifest-public.node.test.ts` keeps it so.

/** Members that Lit or the reactive-controller protocol defines, not Firegrid's API. */
const FRAMEWORK_MEMBERS = new Set(['styles', 'shadowRootOptions', 'properties', 'hostConnected', 'hostDisconnected', 'hostUpdate', 'hostUpdated']);

/** True for a member a vendor may use: public, not `_`/`#`-named, not the framework's. */
export function isPublicMember(member) {
  if (member.privacy === 'private' || member.privacy === 'protected') return false;
  if (/^[_#]/.test(member.name)) return false;
  return !FRAMEWORK_MEMBERS.has(member.name);
}

/**
 * An event the element fires under that name. The analyzer also lists every
 * `dispatchEvent(new CustomEvent(name))` whose name is a variable (`type` in the registry's
 * `fire(type, detail)`); those carry no `@fires` description and no dash, which every real
 * event name has.
 */
export function isRealEvent(event) {
  return typeof event.name === 'string' && (event.name.includes('-') || (event.description ?? '') !== '');
}

/**
 * Keeps the public API only: custom elements and the classes `src/index.ts` exports, each with
 * its public members and real events; helper classes of one element (controllers, caches) go.
 */
function publicApiOnly() {
  return {
    name: 'firegrid-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      const index = customElementsManifest.modules.find((m) => m.path.endsWith('packages/elements/src/index.ts'));
      const exported = new Set((index?.exports ?? []).map((e) => e.name));
      for (const mod of customElementsManifest.modules) {
        const dropped = new Set();
        mod.declarations = (mod.declarations ?? []).filter((d) => {
          if (d.kind !== 'class' && d.kind !== 'mixin') return true;
          const keep = d.customElement === true || typeof d.tagName === 'string' || exported.has(d.name);
          if (!keep) dropped.add(d.name);
          return keep;
        });
        if (mod.exports) mod.exports = mod.exports.filter((e) => !(e.kind === 'js' && dropped.has(e.name)));
        for (const d of mod.declarations) {
          if (d.members) d.members = d.members.filter(isPublicMember);
          if (d.events) d.events = d.events.filter(isRealEvent);
        }
      }
    },
  };
}

export default {
  litelement: true,
  plugins: [publicApiOnly()],
};
