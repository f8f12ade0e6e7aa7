import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { filterBar } from '../../packages/elements/src/hazard-ledger/filters.js';
import { NO_FILTERS } from '../../packages/elements/src/hazard-ledger/query.js';

// Issue 18: the categories added to DESIGN §9 reach the ledger's category filter with their labels.
describe('fg-hazard-ledger category filter', () => {
  const options = (locale: 'zh-CN' | 'en') => {
    const host = document.createElement('div');
    render(filterBar({ locale, filters: NO_FILTERS, onChange: () => undefined, onApply: () => undefined, onReset: () => undefined }), host);
    return [...host.querySelectorAll<HTMLOptionElement>('#f-category option')].map((o) => [o.value, o.textContent.trim()]);
  };

  it('offers records-missing, control-room, hot-work and training, labelled in both locales', () => {
    expect(options('zh-CN')).to.deep.include.members([
      ['records-missing', '消防安全管理制度、记录缺失'], ['control-room', '消防控制室值班不落实'],
      ['hot-work', '违规动火作业'], ['training', '消防培训演练未落实'],
    ]);
    expect(options('en')).to.deep.include.members([
      ['records-missing', 'Fire-safety rules or records missing'], ['control-room', 'Control room not staffed'],
      ['hot-work', 'Illegal hot work'], ['training', 'Training and drills not done'],
    ]);
  });
});
