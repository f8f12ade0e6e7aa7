// @firegrid/core/templates — the checklist template library (DESIGN §1, §2). Data, loaded on
// demand: no element bundles it; `fg-checklist` imports it only when the host stores no templates.
import type { ChecklistTemplate } from './schema/template.js';
import { commercialComplex } from './templates/commercial-complex.js';
import { constructionSite } from './templates/construction-site.js';
import { dailyPatrol } from './templates/daily-patrol.js';
import { ebikeShed } from './templates/ebike-shed.js';
import { familyWorkshop } from './templates/family-workshop.js';
import { highRisePublic } from './templates/high-rise-public.js';
import { highRiseResidential } from './templates/high-rise-residential.js';
import { homestay } from './templates/homestay.js';
import { oldResidential } from './templates/old-residential.js';
import { ordinaryResidential } from './templates/ordinary-residential.js';
import { periodicInspection } from './templates/periodic-inspection.js';
import { rentalHousing } from './templates/rental-housing.js';
import { ruralVillage } from './templates/rural-village.js';
import { scenicArea } from './templates/scenic-area.js';
import { smallVenue } from './templates/small-venue.js';
import { threeInOne } from './templates/three-in-one.js';

export { TEMPLATE_IDS, UNIT_KINDS } from './templates/ids.js';
export { LIBRARY_TENANT, LIBRARY_REVISED_AT } from './templates/define.js';
export { mergeTemplates } from './checklist/merge.js';
export {
  dailyPatrol, periodicInspection, highRiseResidential, commercialComplex, smallVenue, threeInOne, oldResidential, ebikeShed,
  ruralVillage, ordinaryResidential, constructionSite, highRisePublic,
  rentalHousing, familyWorkshop, homestay, scenicArea,
};

/**
 * Every template of the library, each with a fixed id (`TEMPLATE_IDS`) and a version. Items cite
 * the regulation or standard and clause behind them (`basis`), with `verified: false` where our
 * sources could not confirm the clause or show none; an integrator checks those against the
 * official text. Templates for low-rise places never cite 令5号 (high-rise buildings only), and
 * items that do are shown only when the place is a high-rise. Extend or override them with
 * `mergeTemplates(templates, yours)`; a server seeds them with `PUT /v1/templates/{id}`.
 * @example
 * import { templates } from '@firegrid/core/templates';
 * import { applicableTemplates } from '@firegrid/core';
 * const forThisPlace = applicableTemplates(templates, place);
 */
export const templates: readonly ChecklistTemplate[] = [
  dailyPatrol, periodicInspection, highRiseResidential, commercialComplex, smallVenue, threeInOne, oldResidential, ebikeShed,
  ruralVillage, ordinaryResidential, constructionSite, highRisePublic,
  rentalHousing, familyWorkshop, homestay, scenicArea,
];
