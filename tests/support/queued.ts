// Shared by the queued/refused result tests of the report, the ledger and the registry: the tones as the
// browser computes them, and an HTTP port whose server refuses every write with a 422 naming one field.
import { httpDataPort } from '@firegrid/core/http';
import type { DataPort } from '@firegrid/core';

/** The colour of a CSS colour token as the browser computes it, e.g. `rgb(138, 75, 0)`. */
export function rgb(colour: string): string {
  const probe = document.createElement('span');
  probe.style.color = colour;
  document.body.append(probe);
  const c = getComputedStyle(probe).color;
  probe.remove();
  return c;
}
export const WARNING = rgb('#8a4b00');
export const SUCCESS = rgb('#1b5e20');
export const ERROR = rgb('#b00020');

/** An HTTP port whose server answers every request 422 (problem+json) with `detail` and one field error. */
export function refusingHttpPort(detail: string, path: string, message: string): DataPort {
  return httpDataPort({
    baseUrl: 'https://grid.example.cn/api',
    fetch: () => Promise.resolve(new Response(JSON.stringify({
      title: 'Unprocessable Content', status: 422, detail, errors: [{ path, message }],
    }), { status: 422, headers: { 'content-type': 'application/problem+json' } })),
  });
}
