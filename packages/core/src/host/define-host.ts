/**
 * `defineHost`: the runtime check of a host adapter, for adapters written in JavaScript or
 * assembled at run time, where the compiler cannot help.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { Issue } from '../errors.js';
import type { FiregridHost } from './types.js';

interface PortShape {
  /** Methods the port must have when it is given. */
  required: readonly string[];
  /** Methods it may have; each must be a function when present. */
  optional: readonly string[];
}

/** The members of each port (DESIGN §3). `data` is the only required port. */
const PORTS = {
  data: { required: ['list', 'get', 'save', 'command', 'uploadMedia', 'readMedia'], optional: [] },
  media: { required: ['capture'], optional: [] },
  geo: { required: ['locate'], optional: ['pick'] },
  directory: { required: [], optional: ['places', 'people'] },
  ui: { required: [], optional: ['toast', 'confirm', 'navigate'] },
  links: { required: ['tipOff'], optional: [] },
  events: { required: ['emit'], optional: [] },
} as const satisfies Record<Exclude<keyof FiregridHost, 'session'>, PortShape>;

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.slice(0, 40))}`;
  if (typeof v === 'function') return 'a function';
  return typeof v === 'number' || typeof v === 'boolean' ? `${typeof v} ${String(v)}` : typeof v;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkMethod(owner: Record<string, unknown>, name: string, path: string, required: boolean, issues: Issue[]): void {
  const value = owner[name];
  if (value === undefined) {
    if (required) issues.push({ path, message: `host.${path} is missing` });
  } else if (typeof value !== 'function') {
    issues.push({ path, message: `host.${path} is not a function (got ${describeValue(value)})` });
  }
}

/**
 * Lists every problem of a would-be host adapter: missing required members, members that are
 * not functions, ports that are not objects. An empty list means the adapter has the right shape.
 */
export function checkHost(value: unknown): Issue[] {
  if (!isObject(value)) return [{ path: '', message: `host is not an object (got ${describeValue(value)})` }];
  const issues: Issue[] = [];
  checkMethod(value, 'session', 'session', true, issues);
  for (const [port, shape] of Object.entries(PORTS) as [keyof typeof PORTS, PortShape][]) {
    const member = value[port];
    if (member === undefined && port !== 'data') continue;
    if (member === undefined) {
      issues.push({ path: port, message: `host.${port} is missing` });
    } else if (!isObject(member)) {
      issues.push({ path: port, message: `host.${port} is not an object (got ${describeValue(member)})` });
    } else {
      for (const name of shape.required) checkMethod(member, name, `${port}.${name}`, true, issues);
      for (const name of shape.optional) checkMethod(member, name, `${port}.${name}`, false, issues);
    }
  }
  return issues;
}

/**
 * Checks a host adapter at run time and returns it typed. Throws one FiregridError
 * `host-invalid` that names every missing or wrong member, so an integrator fixes them all at
 * once. What the adapter's methods return is checked later, on every call, by the client.
 * @example
 * export const host = defineHost({
 *   session: async () => ({ tenantId: 't1', user: { id: 'u1', name: '张三', roles: ['grid-worker'] }, scope: ['330102'], locale: 'zh-CN' }),
 *   data: httpDataPort({ baseUrl: '/api', headers: async () => ({ authorization: `Bearer ${await token()}` }) }),
 *   geo: { locate: () => bridge.location() },
 * });
 */
export function defineHost<H extends FiregridHost>(host: H): H {
  const issues = checkHost(host);
  if (issues.length > 0) {
    throw new FiregridError('host-invalid', `Invalid Firegrid host adapter: ${issues.map((i) => i.message).join('; ')}.`, { issues });
  }
  return host;
}
