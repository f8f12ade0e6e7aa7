// Types of scripts/demo.mjs (`npm start`), for the test that starts the demo the same way.
/** The port `npm start` tries first. */
export declare const DEFAULT_PORT: number;
/** A running demo: the app and the reference server on one origin. */
export interface RunningDemo {
  /** The app's URL, e.g. `http://127.0.0.1:5173/`. */
  url: string;
  port: number;
  /** Where the database and photos are. */
  dataDir: string;
  /** True when the port asked for was taken and a free one was used instead. */
  fellBack: boolean;
  /** Stops both servers and removes a temporary data folder. */
  close(): Promise<void>;
}
/** Starts the demo: the seeded reference server (with its dev-only sign-in) and the app on one origin. */
export declare function startDemo(options?: { port?: number; strictPort?: boolean; dataDir?: string; log?: (line: string) => void }): Promise<RunningDemo>;
