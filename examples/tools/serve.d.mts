// Types of examples/tools/serve.mjs, for the test that starts it.
/** The examples, what builds each, and what it shows. */
export declare const EXAMPLES: Record<'dingtalk' | 'wechat' | 'gov-blue' | 'react' | 'vue', { bundler: 'esbuild' | 'vite'; title: string; connect?: string }>;
/** Builds the examples once and serves them with the reference server, the dev proxy and the sign-in stand-in. */
export declare function serveExamples(options?: { port?: number; only?: string[]; source?: boolean }): Promise<{ url: string; names: string[]; close(): Promise<void> }>;
