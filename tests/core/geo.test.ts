import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { convertPoint, distanceM } from '../../packages/core/src/geo.js';
import { CRS } from '../../packages/core/src/names.js';
import type { Crs } from '../../packages/core/src/names.js';
import { GeoPoint } from '../../packages/core/src/schema/index.js';

// 杭州 西湖 (Hangzhou West Lake) in WGS84, and the GCJ-02 offset of a few hundred metres there.
const WGS: GeoPoint = { lng: 120.1431, lat: 30.2466, crs: 'WGS84', accuracyM: 6 };

// Points inside mainland China, where GCJ-02 and BD-09 differ from WGS84.
const chinaPoint = fc.record({
  lng: fc.double({ min: 98, max: 122, noNaN: true }),
  lat: fc.double({ min: 22, max: 42, noNaN: true }),
});

describe('convertPoint', () => {
  it('moves a point by the GCJ-02 and BD-09 offsets and labels it with the new crs', () => {
    const gcj = convertPoint(WGS, 'GCJ02');
    const bd = convertPoint(WGS, 'BD09');
    expect(gcj.crs).to.equal('GCJ02');
    expect(bd.crs).to.equal('BD09');
    // The offsets are hundreds of metres, not zero and not kilometres.
    const gcjShift = distanceM(WGS, { ...gcj, crs: 'WGS84' });
    const bdShift = distanceM(WGS, { ...bd, crs: 'WGS84' });
    expect(gcjShift).to.be.within(100, 1500);
    expect(bdShift).to.be.within(gcjShift, 3000);
    expect(GeoPoint.safeParse(gcj).success).to.equal(true);
  });

  it('keeps accuracyM, and leaves it out when there was none', () => {
    expect(convertPoint(WGS, 'BD09').accuracyM).to.equal(6);
    const bare: GeoPoint = { lng: WGS.lng, lat: WGS.lat, crs: WGS.crs };
    expect(convertPoint(bare, 'GCJ02')).to.not.have.property('accuracyM');
  });

  it('round-trips GCJ02 ↔ WGS84 ↔ BD09 within 1 m', () => {
    fc.assert(fc.property(chinaPoint, fc.constantFrom<Crs>('WGS84', 'GCJ02', 'BD09'), fc.constantFrom<Crs>('WGS84', 'GCJ02', 'BD09'),
      ({ lng, lat }, from, via) => {
        const start: GeoPoint = { lng, lat, crs: from };
        const back = convertPoint(convertPoint(start, via), from);
        expect(back.crs).to.equal(from);
        expect(distanceM(start, back)).to.be.below(1);
      }), { numRuns: 300 });
  });

  it('treats CGCS2000 as WGS84: same numbers, converted the same way', () => {
    const cgcs: GeoPoint = { ...WGS, crs: 'CGCS2000' };
    expect(convertPoint(cgcs, 'WGS84')).to.deep.equal(WGS);
    expect(convertPoint(WGS, 'CGCS2000')).to.deep.equal(cgcs);
    const viaCgcs = convertPoint(cgcs, 'GCJ02');
    const viaWgs = convertPoint(WGS, 'GCJ02');
    expect(viaCgcs).to.deep.equal(viaWgs);
    expect(convertPoint(convertPoint(cgcs, 'BD09'), 'CGCS2000').crs).to.equal('CGCS2000');
  });

  it('returns a new object for every conversion, even to the same crs', () => {
    for (const to of CRS) {
      const out = convertPoint(WGS, to);
      expect(out).to.not.equal(WGS);
    }
    expect(convertPoint(WGS, 'WGS84')).to.deep.equal(WGS);
  });

  it('leaves points outside China unchanged by GCJ-02 (the offset applies only inside)', () => {
    const paris: GeoPoint = { lng: 2.3522, lat: 48.8566, crs: 'WGS84' };
    const gcj = convertPoint(paris, 'GCJ02');
    expect([gcj.lng, gcj.lat]).to.deep.equal([paris.lng, paris.lat]);
  });
});

describe('distanceM', () => {
  it('measures metres across crs', () => {
    const a: GeoPoint = { lng: 120, lat: 30, crs: 'WGS84' };
    // One thousandth of a degree of latitude is about 111 m.
    expect(distanceM(a, { ...a, lat: 30.001 })).to.be.closeTo(111.2, 0.5);
    expect(distanceM(a, convertPoint(a, 'BD09'))).to.be.below(1);
    expect(distanceM(a, a)).to.equal(0);
  });
});
