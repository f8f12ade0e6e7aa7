import type { HostSession, MemorySeed } from '@firegrid/core';

/** The signed-in grid worker of the demo (tenant `demo`, one grid of 迎泽区 柳巷街道). */
export const demoSession: HostSession = {
  tenantId: 'demo',
  user: { id: 'w-0101', name: '李建国', roles: ['grid-worker'] },
  scope: ['140106001001'],
  locale: 'zh-CN',
};

/** The same worker reading in English. */
export const demoSessionEn: HostSession = { ...demoSession, locale: 'en' };

const t = '2026-11-02T09:00:00+08:00';
const stored = { version: 1, createdAt: t, updatedAt: t, tenantId: 'demo' };

/** A few places of the worker's grid, for stories and the demo page. */
export const demoSeed: MemorySeed = {
  places: [
    {
      ...stored, id: '019a4b2c-0000-7000-8000-000000000001', kind: 'residential', name: '桥东小区 3 号楼',
      address: '迎泽区桥东街 18 号', gridId: '140106001001',
      building: { floors: 18, heightM: 54, households: 144, yearBuilt: 2012 },
    },
    {
      ...stored, id: '019a4b2c-0000-7000-8000-000000000002', kind: 'residential', name: '柳巷老旧小区 7 号院',
      address: '迎泽区柳巷南路 7 号', gridId: '140106001001',
      building: { floors: 5, heightM: 15, households: 40, yearBuilt: 1988 },
    },
    {
      ...stored, id: '019a4b2c-0000-7000-8000-000000000003', kind: 'small-venue', name: '老王五金店',
      address: '迎泽区柳巷南路 21 号', gridId: '140106001001',
    },
  ],
};
