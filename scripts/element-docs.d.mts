// Types of scripts/element-docs.mjs, for the tests that import it.
export declare const DOC_PATH: string;
/** The public tags: one per `./<name>/define` export of @firegrid/elements. */
export declare function publicTags(pkg?: { exports: Record<string, unknown> }): { tag: string; entry: string }[];
/** The markdown of docs/elements.md for a custom elements manifest. */
export declare function renderElementDocs(manifest?: unknown, tags?: { tag: string; entry: string }[]): string;
/** What each design token does, by name. */
export declare const TOKEN_TEXT: Readonly<Record<string, string>>;
/** The design tokens of packages/elements/src/styles.ts (or `src`): name, default, description. */
export declare function tokenRows(src?: string): [name: string, value: string, text: string][];
