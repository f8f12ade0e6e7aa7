/**
 * The regulations and standards the library's items rest on, named as an inspector cites them.
 * A basis names the document, never the website it was read on. Where our notes
 * (shared/domain/REGULATIONS.md, STANDARDS.md) mark a clause unverified, or show no clause, the
 * item's basis says `verified: false` so an integrator checks it against the official text. A
 * verified basis quotes the supporting sentence from the excerpt of the document committed under
 * ./sources/. GB 17761-2024 (e-bike product safety) binds manufacturers and is no item's basis.
 * @module
 */

/** 公安部令第61号: patrol (art. 25) and inspection (art. 26) of units. */
export const MPS61 = '《机关、团体、企业、事业单位消防安全管理规定》（公安部令第61号）';
/** 应急管理部令第5号, in force 2021-08-01: only for high-rise buildings (residential > 27 m, public > 24 m). */
export const HIGH_RISE_REG = '《高层民用建筑消防安全管理规定》（应急管理部令第5号）';
/** The provincial three-year plan the project implements (shared/domain/three-year-plan.txt); clauses as 二（一）1. */
export const PLAN = '《消防安全专项整治三年行动实施方案》（省级）';
/** GB 35181-2017, superseded on 2025-11-01 by GB 35181-2025. */
export const GB35181_2017 = 'GB 35181-2017《重大火灾隐患判定方法》';
/** GB 35181-2025, in force 2025-11-01; its element lists were not retrieved. */
export const GB35181_2025 = 'GB 35181-2025《重大火灾隐患判定规则》';
/** The 2019 rules for large commercial complexes; arts. 54–60 quoted in our notes. */
export const COMPLEX_RULES = '《大型商业综合体消防安全管理规则（试行）》';
/** 应急消〔2019〕334号 on fire-lane marking; our notes show its content, not its clause numbers. */
export const FIRE_LANE_NOTICE = '《消防救援局关于进一步明确消防车通道管理若干措施的通知》（应急消〔2019〕334号）';
/** GB 50039-2010, rural fire prevention; its 附录A is our reading of the 三合一 rules. */
export const GB50039 = 'GB 50039-2010《农村防火规范》';
/** GA 703-2007, for existing 三合一 premises; its clause text was not retrieved. */
export const GA703 = 'GA 703-2007《住宿与生产储存经营合用场所消防安全技术要求》';
/** The 2017 notice of the Ministry of Public Security on e-bike parking and charging. */
export const EBIKE_NOTICE = '公安部《关于规范电动车停放充电加强火灾防范的通告》（2017年12月）';
/** A draft standard (报批稿, 2025-01), not in force: every item citing it is unverified. */
export const EBIKE_DRAFT = '《电动自行车充电及停放场所消防安全管理》（报批稿，2025年1月，尚未施行）';
/** Local rules for 九小场所 (our notes: Zhengzhou's checks); limits vary by city. */
export const SMALL_VENUE_LOCAL = '地方“九小场所”消防安全管理规定（郑州市）';
/** The "十查" quick list for small venues, a local publicity list. */
export const TEN_CHECKS = '九小场所消防安全“十查”（地方宣传要求）';
/** A village's own fire-safety pact (村规民约 / 防火公约), which the plan asks every village to make. */
export const VILLAGE_PACT = '村规民约（村民防火公约）';
/**
 * The Fire Protection Law. Our sources hold none of its text: items citing it name no article and
 * are unverified, for an integrator to complete.
 */
export const FIRE_LAW = '《中华人民共和国消防法》';
/** GB 50016-2014 (2018 edition), the building fire code; our sources hold none of its text. */
export const GB50016 = 'GB 50016-2014（2018年版）《建筑设计防火规范》';
/**
 * GB 50720-2011, fire safety of construction sites. Our sources hold none of its text: items citing
 * it name the clause a fire officer would look up, and are unverified for an integrator to confirm.
 */
export const GB50720 = 'GB 50720-2011《建设工程施工现场消防安全技术规范》';
