import { expect, fixture, html } from '@open-wc/testing';
import { generate, correction } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';
import { activeCaptain } from '@firegrid/core';
import '@firegrid/elements/captain-notice/define';
import { FgCaptainNotice, NOTICE_PAGE_CSS } from '@firegrid/elements/captain-notice';
import { captainClient, captainNow, captainWorld } from '../../stories/captain-registry.stories.js';
import { clientWithoutLinks, longNoticeWorld, noticeBuildingId } from '../../stories/captain-notice.stories.js';
import * as stories from '../../stories/captain-notice.stories.js';
import { deepText } from '../gates/dom.js';

async function notice(template: ReturnType<typeof html>): Promise<FgCaptainNotice> {
  const el = await fixture<FgCaptainNotice>(template);
  await el.ready;
  return el;
}

const text = (el: FgCaptainNotice): string => el.shadowRoot!.textContent.replace(/\s+/g, ' ');

describe('fg-captain-notice', () => {
  it('shows the building, captain, full phone, duties, term, grid worker and the tip-off QR code', async () => {
    expect(customElements.get('fg-captain-notice')).to.equal(FgCaptainNotice);
    const world = captainWorld();
    const captain = activeCaptain(world.captains, noticeBuildingId, captainNow)!;
    const el = await notice(html`<fg-captain-notice building-id=${noticeBuildingId} .client=${captainClient(world)}></fg-captain-notice>`);
    const t = text(el);
    expect(t).to.contain('消防安全楼长公示牌');
    expect(t).to.contain(world.places[0]!.name);
    expect(t).to.contain(captain.person.name);
    expect(t).to.contain(captain.person.phone);
    expect(t).to.contain(`${captain.term.from} 起`);
    for (const d of captain.duties) expect(t).to.contain(d);
    expect(t).to.contain('网格员：李建国 13934560101');
    expect(t).to.contain('119');
    const url = `https://demo.firegrid.example/tip-off?place=${noticeBuildingId}`;
    const svg = el.shadowRoot!.querySelector('[part~="qr"] svg')!;
    expect(svg.getAttribute('aria-label')).to.contain(url);
    const expected = toSvgPath(generate(url, { minCorrectionLevel: correction.M }));
    expect(svg.querySelector('path')!.getAttribute('d')).to.equal(expected);
    await expect(el).to.be.accessible();
  });

  it('prints with the button and offers page rules for A4 and A5', async () => {
    const el = await notice(html`<fg-captain-notice building-id=${noticeBuildingId} .client=${captainClient()}></fg-captain-notice>`);
    const original = window.print.bind(window);
    let printed = 0;
    window.print = () => { printed++; };
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="print"]')!.click();
    } finally {
      window.print = original;
    }
    expect(printed).to.equal(1);
    expect(NOTICE_PAGE_CSS.A4).to.contain('size: A4');
    expect(NOTICE_PAGE_CSS.A5).to.contain('size: A5');
  });

  it('speaks English with locale="en"', async () => {
    const el = await notice(html`<fg-captain-notice locale="en" building-id=${noticeBuildingId} .client=${captainClient()}></fg-captain-notice>`);
    expect(text(el)).to.contain('Fire-safety floor captain');
    expect(text(el)).to.contain('Scan to report a fire hazard');
    await expect(el).to.be.accessible();
  });

  it('never cuts a long building name or long duties: the sheet grows past one page and warns before printing (issue 17)', async () => {
    const el = await notice(html`<fg-captain-notice building-id=${noticeBuildingId} .client=${captainClient(longNoticeWorld())}></fg-captain-notice>`);
    const sheet = el.shadowRoot!.querySelector<HTMLElement>('[part~="sheet"]')!;
    const frame = sheet.querySelector<HTMLElement>('.frame')!;
    // Everything is shown whole: no element of the sheet hides part of its text.
    for (const node of sheet.querySelectorAll<HTMLElement>('*')) {
      const cs = getComputedStyle(node);
      expect(cs.textOverflow, `${node.className} text-overflow`).to.not.equal('ellipsis');
      expect(cs.webkitLineClamp, `${node.className} line clamp`).to.equal('none');
      if (node.textContent.trim() !== '' && !(node instanceof SVGElement)) {
        expect(node.scrollHeight, `${node.localName}.${node.className} is clipped`).to.be.at.most(node.clientHeight + 1);
      }
    }
    expect(deepText(el)).to.contain('桥东小区（原纺织厂家属院）东区 3 单元 18 号高层住宅楼');
    expect(deepText(el)).to.contain('第 9 项');
    expect(deepText(el)).to.contain('（物业服务中心北侧）');
    // Taller than one page, with the smallest duties step, and the screen says so.
    expect(frame.offsetHeight).to.be.greaterThan(parseFloat(getComputedStyle(frame).minHeight) + 1);
    expect(sheet.classList.contains('fit-3')).to.equal(true);
    const warning = el.shadowRoot!.querySelector('.msg.warning[role=status]')!;
    expect(warning.textContent).to.contain('第二页');
    // 发生火灾请立即拨打 119: its own band, as large as the building name, larger than the texts.
    const fire = sheet.querySelector<HTMLElement>('.fire')!;
    expect(fire.textContent).to.equal('发生火灾请立即拨打 119');
    const size = (sel: string): number => parseFloat(getComputedStyle(sheet.querySelector(sel)!).fontSize);
    expect(size('.fire'), 'as large as the building name').to.be.at.least(size('.building'));
    for (const sel of ['.duties ol', '.pledge', '.contacts', '.term', '.address']) expect(size('.fire'), sel).to.be.greaterThan(size(sel));
    expect(getComputedStyle(fire).fontWeight).to.equal('700');
  });

  it('asks before printing a notice that does not fit one page: 返回 prints nothing, 仍然打印 prints once (issue 17)', async () => {
    const el = await notice(html`<fg-captain-notice building-id=${noticeBuildingId} .client=${captainClient(longNoticeWorld())}></fg-captain-notice>`);
    const root = el.shadowRoot!;
    const original = window.print.bind(window);
    let printed = 0;
    window.print = () => { printed++; };
    try {
      root.querySelector<HTMLButtonElement>('[part~="print"]')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(printed, 'nothing printed before the answer').to.equal(0);
      const question = root.querySelector<HTMLElement>('#confirm-text')!;
      expect(question.textContent).to.contain('2 页');
      expect(question.getAttribute('role')).to.equal('status');
      expect(root.activeElement, 'focus on the question').to.equal(question);
      await expect(el).to.be.accessible();
      // The one button order: 返回 first, 仍然打印 last on the right, 16 px or more apart.
      const back = root.querySelector<HTMLButtonElement>('#print-back')!.getBoundingClientRect();
      const anyway = root.querySelector<HTMLButtonElement>('#print-anyway')!.getBoundingClientRect();
      if (Math.abs(back.top - anyway.top) < 2) expect(anyway.left - back.right).to.be.at.least(16);
      else expect(anyway.top - back.bottom).to.be.at.least(16);
      root.querySelector<HTMLButtonElement>('#print-back')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(printed).to.equal(0);
      expect(root.querySelector('#confirm-text')).to.equal(null);
      expect(root.activeElement).to.equal(root.querySelector('[part~="print"]'));
      root.querySelector<HTMLButtonElement>('[part~="print"]')!.click();
      await el.updateComplete;
      root.querySelector<HTMLButtonElement>('#print-anyway')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(printed).to.equal(1);
    } finally {
      window.print = original;
    }
  });

  it('a notice that fits is one page tall, with no warning', async () => {
    const el = await notice(html`<fg-captain-notice building-id=${noticeBuildingId} .client=${captainClient()}></fg-captain-notice>`);
    const frame = el.shadowRoot!.querySelector<HTMLElement>('.frame')!;
    expect(Math.abs(frame.offsetHeight - parseFloat(getComputedStyle(frame).minHeight))).to.be.at.most(1);
    expect(el.shadowRoot!.querySelector('.msg.warning')).to.equal(null);
  });

  it('says what is missing: no tip-off link, no captain, no building, no client', async () => {
    const noLinks = await notice(html`<fg-captain-notice building-id=${noticeBuildingId} .client=${clientWithoutLinks()}></fg-captain-notice>`);
    expect(noLinks.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('links.tipOff');
    expect(noLinks.shadowRoot!.querySelector('svg')).to.equal(null);
    const vacant = await notice(html`<fg-captain-notice building-id=${noticeBuildingId} .client=${captainClient(captainWorld({ covered: 0 }))}></fg-captain-notice>`);
    expect(vacant.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('尚未明确');
    const unknown = await notice(html`<fg-captain-notice building-id="019a4b2c-0000-7000-8000-0000000fffff" .client=${captainClient()}></fg-captain-notice>`);
    expect(unknown.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('找不到');
    const none = await notice(html`<fg-captain-notice building-id=${noticeBuildingId}></fg-captain-notice>`);
    expect(none.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('fg-provider');
    await expect(vacant).to.be.accessible();
  });

  it('renders every story without errors', async () => {
    const errors: string[] = [];
    const onError = (e: ErrorEvent): void => { errors.push(e.message); };
    window.addEventListener('error', onError);
    try {
      for (const [name, story] of Object.entries(stories)) {
        if (!/^[A-Z]/.test(name) || typeof story !== 'object' || !('render' in story)) continue;
        const el = await notice((story.render as () => ReturnType<typeof html>)());
        expect(el.shadowRoot!.textContent, name).to.not.equal('');
        await expect(el).to.be.accessible();
        el.remove();
      }
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });
});
