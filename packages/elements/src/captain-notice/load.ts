// Reading what a notice shows through the client: the building, its captain in office today, the
// grid's active worker and the host's tip-off link for the QR code.
import { activeCaptain } from '@firegrid/core/captains';
import { FiregridError } from '@firegrid/core/base';
import type { FiregridClient, FloorCaptain, Locale, Place, Worker } from '@firegrid/core';
import { MESSAGES } from './messages.js';

/** What a notice shows, as loaded through the client. */
export interface NoticeData {
  building: Place;
  captain: FloorCaptain | undefined;
  worker: Worker | undefined;
  tipOff: string | undefined;
}

/** The building, its captain in office today, the grid's active worker and the tip-off link. */
export async function loadNotice(client: FiregridClient, id: string, locale: Locale): Promise<NoticeData> {
  const building = await client.data.get('places', id);
  if (building === null) throw new FiregridError('not-found', MESSAGES.notFound[locale], { issues: [{ path: 'buildingId', message: id }] });
  const [captains, workers, tipOff] = await Promise.all([
    client.data.list('captains', { placeId: id, limit: 500 }),
    client.data.list('workers', { gridId: building.gridId, limit: 50 }),
    client.host.links?.tipOff(id),
  ]);
  return {
    building,
    captain: activeCaptain(captains.items, id, client.now()),
    worker: workers.items.find((w) => w.active),
    tipOff,
  };
}
