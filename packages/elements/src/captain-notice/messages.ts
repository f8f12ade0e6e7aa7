import type { Messages } from '../i18n.js';

/** The notice's texts; `{name}` marks a value filled in by the element. */
export const MESSAGES = {
  kicker: { 'zh-CN': '消防安全楼长公示牌', en: 'Fire-safety floor captain' },
  captain: { 'zh-CN': '楼长', en: 'Captain' },
  phone: { 'zh-CN': '联系电话', en: 'Phone' },
  term: { 'zh-CN': '任期', en: 'Term' },
  termFrom: { 'zh-CN': '{from} 起', en: 'from {from}' },
  termRange: { 'zh-CN': '{from} 至 {to}', en: '{from} to {to}' },
  duties: { 'zh-CN': '楼长职责', en: 'Duties' },
  pledge: { 'zh-CN': '本人承诺认真履行消防安全楼长职责，自觉接受群众监督。', en: 'I commit to carrying out the duties of fire-safety floor captain and welcome residents\u2019 oversight.' },
  signed: { 'zh-CN': '（{day} 签署承诺书）', en: ' (commitment signed {day})' },
  worker: { 'zh-CN': '网格员', en: 'Grid worker' },
  fire: { 'zh-CN': '发生火灾请立即拨打 119', en: 'In a fire, call 119 at once' },
  scan: { 'zh-CN': '扫码举报火灾隐患', en: 'Scan to report a fire hazard' },
  qrLabel: { 'zh-CN': '举报火灾隐患的二维码：{url}', en: 'QR code to report a fire hazard: {url}' },
  print: { 'zh-CN': '打印公示牌', en: 'Print the notice' },
  printHint: { 'zh-CN': '打印时请选择 A4 纸张，纵向：公示牌占满一页，文字不小于 12 磅；用 A5 纸时，内容多的公示牌续印到第二页。', en: 'Print on A4, portrait: the notice fills one page, no text under 12 pt; on A5, a long notice continues on a second page.' },
  tooLong: { 'zh-CN': '内容较多，一张 A4 纸放不下：打印时将续印到第二页（文字不小于 12 磅）。精简楼长职责可印在一页上。', en: 'This notice does not fit on one A4 page: it will continue on a second page (no text under 12 pt). Shorter duties fit on one page.' },
  confirmPrint: { 'zh-CN': '这张公示牌一张 A4 纸放不下，将打印 2 页（续页重复边框，文字不小于 12 磅）。仍要打印吗？', en: 'This notice does not fit on one A4 page and will print on 2 pages (the frame repeats, no text under 12 pt). Print anyway?' },
  printAnyway: { 'zh-CN': '仍然打印', en: 'Print anyway' },
  back: { 'zh-CN': '返回', en: 'Back' },
  notFound: { 'zh-CN': '找不到这栋楼：它可能已被删除，或不在你负责的范围内。请检查 building-id', en: 'The building was not found: it may have been deleted or be outside your area. Check building-id' },
  vacant: { 'zh-CN': '{name}尚未明确消防安全楼长，请先登记楼长。', en: '{name} has no fire-safety floor captain yet; register one first.' },
  qrMissing: { 'zh-CN': '宿主未提供举报链接（links.tipOff），公示牌上没有二维码。', en: 'The host gives no tip-off link (links.tipOff), so the notice has no QR code.' },
} as const satisfies Messages<string>;

/** A key of {@link MESSAGES}. */
export type MessageKey = keyof typeof MESSAGES;
