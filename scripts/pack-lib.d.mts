// Types of pack-lib.mjs (plain ESM so that `node scripts/consumers.mjs` runs without tsx).

/** The packages a vendor installs, with the workspace folder each is packed from. */
export const PACKED: readonly { name: string; dir: string }[];
export function packFiregrid(dest: string, options?: { root?: string }): Record<string, string>;
export function installTarballs(app: string, tarballs: Record<string, string>): void;
export function packedInstall(options?: { root?: string; prefix?: string }): {
  dir: string;
  app: string;
  tarballs: Record<string, string>;
  dispose(): void;
};
