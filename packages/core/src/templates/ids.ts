/**
 * The fixed ids of the library's templates. They never change: inspections point to them, and a
 * vendor overrides a template by giving its id with a higher `revision`.
 * @module
 */
export const TEMPLATE_IDS = {
  dailyPatrol: '0196a000-7e00-7000-8000-000000000001',
  periodicInspection: '0196a000-7e00-7000-8000-000000000002',
  highRiseResidential: '0196a000-7e00-7000-8000-000000000003',
  commercialComplex: '0196a000-7e00-7000-8000-000000000004',
  smallVenue: '0196a000-7e00-7000-8000-000000000005',
  threeInOne: '0196a000-7e00-7000-8000-000000000006',
  oldResidential: '0196a000-7e00-7000-8000-000000000007',
  ebikeShed: '0196a000-7e00-7000-8000-000000000008',
  ruralVillage: '0196a000-7e00-7000-8000-000000000009',
  ordinaryResidential: '0196a000-7e00-7000-8000-00000000000a',
  constructionSite: '0196a000-7e00-7000-8000-00000000000b',
  highRisePublic: '0196a000-7e00-7000-8000-00000000000c',
  rentalHousing: '0196a000-7e00-7000-8000-00000000000d',
  familyWorkshop: '0196a000-7e00-7000-8000-00000000000e',
  homestay: '0196a000-7e00-7000-8000-00000000000f',
  scenicArea: '0196a000-7e00-7000-8000-000000000010',
} as const;

/** Place kinds that are units (机关、团体、企业、事业单位) with their own fire-safety management. */
export const UNIT_KINDS = [
  'public-building', 'commercial-complex', 'school', 'kindergarten', 'elderly-care', 'hospital', 'hotel', 'market',
  'entertainment', 'religious', 'heritage', 'factory', 'warehouse', 'metro-station', 'petrochemical', 'scenic-area', 'other',
] as const;
