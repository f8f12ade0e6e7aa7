/**
 * Excel export under a strict Content-Security-Policy. write-excel-file zips a workbook with
 * fflate, which compresses each sheet file of 160 kB or more in a Worker started from a `blob:`
 * URL; a policy without `worker-src blob:` (the one the README recommends) blocks that worker,
 * fflate is never called back, and the export waits forever. While a workbook is written,
 * {@link inPageZip} stands in for `Worker` for `blob:` URLs only and answers fflate's one job
 * (raw DEFLATE of a file) with the browser's own `CompressionStream('deflate-raw')`: no worker,
 * nothing for the policy to block, the same zip. Imported only with the Excel writer (lazily).
 * @module
 */

/** The message fflate posts with the data to compress: `[bytes, options]`. */
const isJob = (msg: unknown): msg is [Uint8Array, unknown] => Array.isArray(msg) && msg[0] instanceof Uint8Array;

async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** What fflate uses of a Worker: `postMessage`, `onmessage` and `terminate`. */
class InPageDeflate {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  // TypeScript `private`, not `#stopped`: at ES2021 a #field needs tslib's helpers, and importing
  // them ties this lazy module to the chunk the element classes share (bytes.all.initial, DESIGN §8).
  private stopped = false;
  postMessage(msg: unknown): void {
    // The first message sets up fflate's worker code: nothing to do in the page.
    if (!isJob(msg)) return;
    deflateRaw(msg[0]).then(
      (data) => { if (!this.stopped) this.onmessage?.({ data }); },
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        // fflate's own error message shape from its worker.
        if (!this.stopped) this.onmessage?.({ data: { $e$: [e.message, 0, e.stack] } });
      },
    );
  }
  terminate(): void {
    this.stopped = true;
  }
  addEventListener(): void {
    // fflate listens through onmessage only.
  }
  removeEventListener(): void {
    // See addEventListener.
  }
}

let depth = 0;
let real: typeof Worker | undefined;

/**
 * Runs `write` (a write-excel-file `toBlob()`) with `blob:` workers compressed in the page. Other
 * workers (a URL of the app's own origin) start as usual; outside `write`, `Worker` is the
 * browser's. Without `CompressionStream` it changes nothing.
 */
export async function inPageZip<T>(write: () => Promise<T>): Promise<T> {
  if (typeof CompressionStream !== 'function' || typeof Worker !== 'function') return write();
  if (depth++ === 0) {
    const Real = (real = globalThis.Worker);
    const Shim = function Worker(url: string | URL, options?: WorkerOptions): unknown {
      return String(url).startsWith('blob:') ? new InPageDeflate() : new Real(url, options);
    };
    globalThis.Worker = Shim as unknown as typeof Worker;
  }
  try {
    return await write();
  } finally {
    if (--depth === 0 && real !== undefined) {
      globalThis.Worker = real;
      real = undefined;
    }
  }
}
