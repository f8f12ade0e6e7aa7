// Describes the machine a run was measured on, so figures from different machines are not compared blindly.
import { cpus, platform, release, totalmem } from 'node:os';
import type { Machine } from './figure.js';

/**
 * The machine section of `bench/results.json`.
 * @param date when the run started
 * @param chromium the browser's version, when a figure launched it
 */
export function machineInfo(date: Date, chromium?: string): Machine {
  const cores = cpus();
  return {
    node: process.version,
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${platform()} ${release()} ${process.arch}`,
    ...(chromium === undefined ? {} : { chromium }),
    date: date.toISOString(),
  };
}
