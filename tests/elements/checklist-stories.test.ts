// Every fg-checklist story renders over its memory host, shows what it promises, and passes axe.
import { expect } from '@open-wc/testing';
import * as stories from '../../stories/checklist.stories.js';
import { storiesOf } from '../gates/stories.js';
import { settled as settledElement } from './checklist-fixtures.js';

async function settled(root: HTMLElement): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  const el = root.querySelector('fg-checklist');
  if (el) await settledElement(el);
}

const expectations: Record<string, (shadow: ShadowRoot) => void> = {
  HalfFilled: (s) => { expect(s.textContent).to.contain('已检查 14/'); expect(s.textContent).to.contain('草稿已保存'); },
  FailedWithEvidence: (s) => {
    expect(s.querySelectorAll('.item.fail')).to.have.length(2);
    expect(s.querySelectorAll('.item.fail textarea')).to.have.length(2);
    expect(s.querySelectorAll('.item.fail .photo')).to.have.length(2);
  },
  ReadOnly: (s) => { expect(s.querySelectorAll('input')).to.have.length(0); expect(s.textContent).to.contain('已提交'); },
  OfflineUnsent: (s) => { expect(s.textContent).to.contain('草稿已保存，尚未提交'); },
  English: (s) => { expect(s.textContent).to.contain('Old residential compound inspection'); },
  Empty: (s) => { expect(s.querySelector('h2')?.textContent).to.equal('九小场所消防安全检查'); },
};

describe('fg-checklist stories', () => {
  const container = document.createElement('main');
  container.lang = 'zh-CN';
  before(() => { document.body.append(container); });
  after(() => { container.remove(); });

  for (const story of storiesOf(stories, 'stories/checklist.stories.ts')) {
    it(`${story.exportName} renders its template and is accessible`, async () => {
      await story.renderInto(container);
      await settled(container);
      const shadow = container.querySelector('fg-checklist')!.shadowRoot!;
      expect(shadow.querySelector('[role=alert]')?.textContent.trim() ?? '', 'no error shown').to.equal('');
      expect(shadow.querySelector('h2')?.textContent.length ?? 0).to.be.greaterThan(0);
      expectations[story.exportName]?.(shadow);
      await expect(container).to.be.accessible();
    });
  }
});
