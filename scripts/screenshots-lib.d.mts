// Types of screenshots-lib.mjs (plain ESM so that `node scripts/screenshots.mjs` runs without tsx).
import type { Browser, Page } from 'puppeteer-core';

/** pixelmatch's per-pixel colour threshold. */
export declare const THRESHOLD: number;
/** The share of differing pixels above which a screenshot fails (0.003). */
export declare const MAX_DIFF_RATIO: number;
/** The share of pixels {@link compactPng} may change (0.0001). */
export declare const MAX_QUANTIZE_RATIO: number;
/** The widths the stories are taken at, with the viewport heights. */
export declare const VIEWPORTS: readonly [{ readonly width: 390; readonly height: 844 }, { readonly width: 1280; readonly height: 800 }];
export declare const PHONE_WIDTH: number;
/** The page clock's start (ms since the epoch). */
export declare const FIXED_NOW: number;
export declare const FONT_FAMILY: string;
export declare const MAX_HEIGHT: number;
export declare const CHROMIUM_ARGS: string[];
export declare const DETERMINISM_SCRIPT: string;
export declare const SETTLE_SCRIPT: string;
export declare const LAYOUT_SCRIPT: string;

/** A field selector, or one with a minimum width in px. */
export type FieldSpec = string | { selector: string; minWidth?: number };

/** Where an element lies horizontally. */
export interface Placement {
  /** e.g. `fg-hazard-ledger › table.scroller`. */
  what: string;
  left: number;
  right: number;
}

/** What {@link measureLayout} found. */
export interface LayoutReport {
  viewport: number;
  scrollWidth: number;
  /** The first ten shadow elements outside the viewport, in document order. */
  overflowing: Placement[];
  overflowCount: number;
  fields: { name: string; selector: string; found: number; outside: (Placement & { width: number })[] }[];
}

/** The result of {@link comparePng}. */
export interface Comparison {
  width: number;
  height: number;
  diffPixels: number;
  ratio: number;
  /** `ratio` > {@link MAX_DIFF_RATIO}. */
  failed: boolean;
  /** `W×H → W×H` when the sizes differ. */
  sizeChanged: string | null;
  /** Encodes the diff image. */
  diff(): Buffer;
}

export declare function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }>;
export declare function listStories(dir: string): Promise<{ id: string; title: string; name: string }[]>;
export declare function decodePng(buffer: Buffer): { width: number; height: number; data: Buffer };
export declare function compactPng(buffer: Buffer): Buffer;
export declare function comparePng(expected: Buffer, actual: Buffer): Comparison;
export declare function openStory(page: Page, baseUrl: string, id: string, options?: { shiftPx?: number; timeoutMs?: number; reload?: boolean }): Promise<void>;
export declare function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page>;
export declare function screenshot(page: Page): Promise<Buffer>;
export declare function measureLayout(page: Page, fields: Record<string, FieldSpec>): Promise<LayoutReport>;
export declare function layoutProblems(report: LayoutReport): { check: string; message: string }[];
export declare function chromiumMismatch(referenceVersion: string | undefined, runningVersion: string): string | null;
