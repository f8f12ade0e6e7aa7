/**
 * The behaviour of the report's 隐患位置 section: searching the host's directory (or the data
 * port's places) and choosing a place, the device's position, a point picked on the host's map.
 * The element keeps the fields and gives it a way to change them.
 * @module
 */
import type { ReactiveControllerHost } from 'lit';
import type { DirectoryPlace, FiregridClient, Locale } from '@firegrid/core';
import { userError } from '../errors.js';
import type { ReportFields } from './form.js';
import { locatePoint, searchPlaces } from './host-io.js';
import type { WhereSection } from './view.js';

// Record ids are UUIDs (DESIGN §2); a regex rather than the schema keeps zod out of this element's bytes.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the controller reads from and does to its element. */
export interface WhereOptions {
  client: () => FiregridClient | undefined;
  locale: () => Locale;
  fields: () => ReportFields;
  set: (patch: Partial<ReportFields>) => void;
}

interface WhereState {
  query: string;
  results: DirectoryPlace[] | undefined;
  searching: boolean;
  placeError: string;
  locating: boolean;
  locationError: string;
}

const initial: WhereState = { query: '', results: undefined, searching: false, placeError: '', locating: false, locationError: '' };

/** The state and handlers of the location section. */
export class WhereField {
  private s: WhereState = initial;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode }, private readonly o: WhereOptions) {}

  /** Forgets the search and a failed location (the form was emptied). */
  reset(): void {
    this.s = initial;
  }

  private change(patch: Partial<WhereState>): void {
    this.s = { ...this.s, ...patch };
    this.host.requestUpdate();
  }

  private focus(id: string): void {
    void this.host.updateComplete.then(() => { this.host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(); });
  }

  private readonly locate = async (): Promise<void> => {
    if (this.s.locating) return;
    this.change({ locating: true, locationError: '' });
    try {
      this.o.set({ location: await locatePoint(this.o.client(), this.o.locale()) });
    } catch (e) {
      this.change({ locationError: await userError(this.host, e, this.o.locale()) });
    } finally {
      this.change({ locating: false });
    }
  };

  private readonly pick = async (): Promise<void> => {
    const geo = this.o.client()?.host.geo;
    if (geo === undefined || !('pick' in geo)) return;
    this.change({ locationError: '' });
    try {
      const location = this.o.fields().location;
      const point = await geo.pick?.(location === undefined ? undefined : { initial: location });
      if (point !== null && point !== undefined) this.o.set({ location: point });
    } catch (e) {
      this.change({ locationError: await userError(this.host, e, this.o.locale()) });
    }
  };

  private readonly search = async (): Promise<void> => {
    const client = this.o.client();
    const q = this.s.query.trim();
    if (client === undefined || this.s.searching || q === '') return;
    this.change({ searching: true, placeError: '' });
    try {
      this.change({ results: await searchPlaces(client, q) });
    } catch (e) {
      this.change({ placeError: await userError(this.host, e, this.o.locale()) });
    } finally {
      this.change({ searching: false });
    }
  };

  private readonly choose = (p: DirectoryPlace): void => {
    // A directory id that is not a record id cannot be a placeId; the name goes into the address.
    const known = UUID.test(p.id);
    const typed = this.o.fields().address;
    const address = typed.trim() !== '' ? typed : [known ? '' : p.name, p.address ?? ''].filter((s) => s !== '').join(' ');
    this.o.set({ placeId: known ? p.id : undefined, placeName: p.name, gridId: p.gridId, address });
    this.change({ results: undefined });
    this.focus('address');
  };

  /** The section's state and handlers, for {@link whereSection}. */
  options(): Omit<WhereSection, 'locale' | 'mode' | 'error'> {
    const f = this.o.fields();
    const s = this.s;
    const geo = this.o.client()?.host.geo;
    return {
      placeName: f.placeName, hasPlace: f.placeId !== undefined || f.placeName !== '',
      canSearch: true, canPick: geo !== undefined && 'pick' in geo, query: s.query, results: s.results,
      searching: s.searching, address: f.address, location: f.location, locating: s.locating,
      placeError: s.placeError, locationError: s.locationError,
      onQuery: (e) => { this.s = { ...this.s, query: (e.target as HTMLInputElement).value }; },
      onQueryKey: (e) => { if (e.key === 'Enter') { e.preventDefault(); void this.search(); } },
      onSearch: () => { void this.search(); }, onChoose: this.choose,
      onClearPlace: () => { this.o.set({ placeId: undefined, placeName: '', gridId: undefined }); this.focus('place-q'); },
      onAddress: (e) => { this.o.set({ address: (e.target as HTMLInputElement).value }); },
      onLocate: () => { void this.locate(); }, onPick: () => { void this.pick(); },
      onClearLocation: () => { this.o.set({ location: undefined }); this.focus('locate'); },
    };
  }
}
