import { expect } from '@open-wc/testing';
import { createBrowserHost } from '../../packages/core/src/browser.js';
import { createFiregridClient } from '../../packages/core/src/client/client.js';
import { FiregridError } from '../../packages/core/src/errors.js';
import { memoryDataPort } from '../../packages/core/src/host/memory-port.js';
import type { HostSession } from '../../packages/core/src/schema/index.js';

interface Stub {
  calls: (PositionOptions | undefined)[];
}

/** Replaces navigator.geolocation for one test; returns what the stub saw. */
function stubGeolocation(answer: (ok: PositionCallback, fail: PositionErrorCallback) => void): Stub {
  const stub: Stub = { calls: [] };
  const geolocation = {
    getCurrentPosition(ok: PositionCallback, fail?: PositionErrorCallback | null, options?: PositionOptions) {
      stub.calls.push(options);
      answer(ok, fail ?? (() => undefined));
    },
  };
  Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });
  return stub;
}

function position(longitude: number, latitude: number, accuracy: number): GeolocationPosition {
  return { coords: { longitude, latitude, accuracy }, timestamp: Date.now() } as unknown as GeolocationPosition;
}

async function rejection(promise: Promise<unknown>): Promise<FiregridError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FiregridError);
    return error as FiregridError;
  }
  throw new Error('expected the promise to reject');
}

describe('createBrowserHost: geolocation', () => {
  afterEach(() => {
    // Drops the own property the stub added; the prototype's getter is back.
    delete (navigator as unknown as Record<string, unknown>).geolocation;
  });

  it('maps a position to a WGS84 GeoPoint with its accuracy', async () => {
    const stub = stubGeolocation((ok) => { ok(position(120.1551, 30.2741, 12.5)); });
    const host = createBrowserHost({ data: memoryDataPort() });
    expect(await host.geo!.locate()).to.deep.equal({ lng: 120.1551, lat: 30.2741, crs: 'WGS84', accuracyM: 12.5 });
    expect(stub.calls[0]).to.deep.equal({ enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 });
    expect(host.geo).not.to.have.property('pick');
  });

  it('passes through the client validated, and with the options given', async () => {
    const stub = stubGeolocation((ok) => { ok(position(-0.1, 51.5, 30)); });
    const client = createFiregridClient({ host: createBrowserHost({ data: memoryDataPort(), geolocation: { timeout: 1000 } }) });
    expect(await client.host.geo!.locate()).to.deep.equal({ lng: -0.1, lat: 51.5, crs: 'WGS84', accuracyM: 30 });
    expect(stub.calls[0]).to.deep.equal({ timeout: 1000 });
  });

  it('turns a denied permission into forbidden and other failures into host-failure', async () => {
    stubGeolocation((_ok, fail) => { fail({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError); });
    const denied = await rejection(createBrowserHost({ data: memoryDataPort() }).geo!.locate());
    expect(denied.code).to.equal('forbidden');
    expect(denied.message).to.contain('permission');
    stubGeolocation((_ok, fail) => { fail({ code: 3, message: 'Timeout expired' } as GeolocationPositionError); });
    const timeout = await rejection(createBrowserHost({ data: memoryDataPort() }).geo!.locate());
    expect(timeout.code).to.equal('host-failure');
    expect(timeout.message).to.contain('Timeout expired');
  });

  it('has no geo port where the browser has no Geolocation API', () => {
    const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation');
    delete (Navigator.prototype as unknown as Record<string, unknown>).geolocation;
    try {
      expect(createBrowserHost({ data: memoryDataPort() })).not.to.have.property('geo');
    } finally {
      if (descriptor) Object.defineProperty(Navigator.prototype, 'geolocation', descriptor);
    }
    expect(createBrowserHost({ data: memoryDataPort() })).to.have.property('geo');
  });
});

describe('createBrowserHost: media capture', () => {
  const pendingInput = () => document.querySelector<HTMLInputElement>('input[data-firegrid-capture]');

  it('opens a file input with capture and resolves with the files chosen', async () => {
    const host = createBrowserHost({ data: memoryDataPort() });
    const captured = host.media!.capture();
    const input = pendingInput()!;
    expect(input.type).to.equal('file');
    expect(input.accept).to.equal('image/*');
    expect(input.getAttribute('capture')).to.equal('environment');
    expect(input.multiple).to.equal(false);
    const file = new File(['jpeg bytes'], 'photo.jpg', { type: 'image/jpeg' });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    const files = await captured;
    expect(files).to.have.length(1);
    expect(files[0]).to.be.instanceOf(File);
    expect((files[0] as File).name).to.equal('photo.jpg');
    expect(pendingInput()).to.equal(null);
  });

  it('offers the album without capture, takes several files, and resolves empty on cancel', async () => {
    const host = createBrowserHost({ data: memoryDataPort() });
    const captured = host.media!.capture({ camera: false, multiple: true, accept: 'image/jpeg' });
    const input = pendingInput()!;
    expect(input.hasAttribute('capture')).to.equal(false);
    expect(input.multiple).to.equal(true);
    expect(input.accept).to.equal('image/jpeg');
    input.dispatchEvent(new Event('cancel'));
    expect(await captured).to.deep.equal([]);
    expect(pendingInput()).to.equal(null);
  });
});

describe('createBrowserHost: session and ports', () => {
  it('answers with a local session unless one is given, and keeps the data port given', async () => {
    const data = memoryDataPort();
    const local = createBrowserHost({ data });
    expect(local.data).to.equal(data);
    const session = await local.session();
    expect(session).to.include({ tenantId: 'local' });
    expect(session.scope).to.deep.equal(['*']);
    expect(['zh-CN', 'en']).to.include(session.locale);

    const given: HostSession = { tenantId: 't1', user: { id: 'u1', name: '王伟', roles: ['grid-supervisor'] }, scope: ['330106'], locale: 'zh-CN' };
    expect(await createBrowserHost({ data, session: given }).session()).to.deep.equal(given);
    expect(await createBrowserHost({ data, session: () => Promise.resolve(given) }).session()).to.deep.equal(given);
  });

  it('adds the ports the page gives and checks them', async () => {
    const host = createBrowserHost({ data: memoryDataPort(), links: { tipOff: (id) => Promise.resolve(`https://example.org/tip/${id}`) } });
    expect(await host.links!.tipOff('p1')).to.equal('https://example.org/tip/p1');
    expect(() => createBrowserHost({ data: memoryDataPort(), events: {} as never })).to.throw(FiregridError, 'host.events.emit is missing');
  });
});
