/**
 * What `FiregridHost.session()` returns (DESIGN §3).
 * @module
 */
import * as z from 'zod/mini';
import { LOCALES, ROLES } from '../names.js';
import { NonEmpty, TenantId } from './common.js';

/**
 * The signed-in user as the host sees him: tenant, user with roles, scope (OrgUnit code prefixes,
 * `*` for the whole tenant) and the locale to speak.
 * @example
 * const s: HostSession = { tenantId: 'hz-xihu', user: { id: 'u1', name: '王伟', roles: ['grid-worker'] },
 *   scope: ['330106001001'], locale: 'zh-CN' };
 */
export const HostSession = z.object({
  tenantId: TenantId,
  user: z.object({ id: NonEmpty, name: NonEmpty, roles: z.array(z.enum(ROLES)) }),
  scope: z.array(NonEmpty),
  locale: z.enum(LOCALES),
});
export type HostSession = z.infer<typeof HostSession>;
