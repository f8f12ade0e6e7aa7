// Types of examples/plain-html/serve.mjs, for the test that starts it.
/** Starts the example (reference server, dev proxy, sign-in stand-in, the page). */
export declare function serveExample(options?: { port?: number }): Promise<{ url: string; close(): Promise<void> }>;
