import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isFormulaLike, neutraliseCell, neutraliseRows } from '../../packages/core/src/export/cells.js';
import { deadlineText, shanghaiTime } from '../../packages/core/src/export/labels.js';
import { finderText, hazardContent, progressText, supervisionText, twoListTable } from '../../packages/core/src/export/two-lists.js';
import type { Hazard } from '../../packages/core/src/schema/hazard.js';

const t = '2026-03-01T01:30:00Z';
function hazard(over: Partial<Hazard> = {}): Hazard {
  return {
    id: '019a4b2c-0000-7000-8000-0000000000c1', version: 1, createdAt: t, updatedAt: t, tenantId: 'demo',
    category: 'exit-blocked', title: '3 号楼一层安全出口堆放杂物', description: '', photos: [], source: 'worker',
    reporter: { kind: 'grid-worker', personId: 'w-0101', confidential: false }, severity: 'general', status: 'reported',
    history: [], ...over,
  };
}

describe('neutraliseCell', () => {
  it('prefixes an apostrophe to text a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+2', '+86 138', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '  =cmd|\' /c calc\'!A1', '\u00a0+1']) {
      expect(neutraliseCell(bad), JSON.stringify(bad)).to.equal(`'${bad}`);
      expect(isFormulaLike(bad)).to.equal(true);
    }
  });

  it('sees a formula behind leading whitespace of any kind and behind control or format characters', () => {
    for (const lead of ['\n', '\u000b', '\f', '\u3000', '\u2003', ' \t ', '\u0000', '\u0001', '\u001f', '\u007f', '\u200b', '\ufeff', '\u2060', '\u0001 \u200b']) {
      for (const start of ['=', '+', '-', '@']) {
        const bad = `${lead}${start}HYPERLINK("http://x")`;
        expect(neutraliseCell(bad), JSON.stringify(bad)).to.equal(`'${bad}`);
      }
    }
    expect(neutraliseCell('\u3000消防通道')).to.equal('\u3000消防通道');
  });

  it('leaves no formula once a writer strips what XML cannot hold and trims whitespace (property)', () => {
    const lead = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u0001', '\u0008', '\u001f', '\u200b', '\ufeff');
    fc.assert(fc.property(fc.array(lead, { maxLength: 4 }), fc.constantFrom('=', '+', '-', '@'), fc.string(), (leads, start, rest) => {
      const out = neutraliseCell(`${leads.join('')}${start}${rest}`);
      // What an .xlsx writer keeps (XML 1.0 characters), then what an importer skips.
      // eslint-disable-next-line no-control-regex
      const stored = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/^[\s\u200b\ufeff]+/, '');
      expect(/^[=+\-@]/.test(stored), JSON.stringify(out)).to.equal(false);
    }));
  });

  it('leaves ordinary text alone and stringifies empties and numbers', () => {
    expect(neutraliseCell('消防通道堵塞')).to.equal('消防通道堵塞');
    expect(neutraliseCell('a=b')).to.equal('a=b');
    expect(neutraliseCell(null)).to.equal('');
    expect(neutraliseCell(undefined)).to.equal('');
    expect(neutraliseCell(12)).to.equal('12');
    expect(neutraliseCell(-3)).to.equal('-3');
    expect(neutraliseCell({ a: '=1' })).to.equal('{"a":"=1"}');
  });

  it('never yields text starting with a formula character, and keeps the whole value (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const out = neutraliseCell(s);
      expect(/^[=+\-@\t\r]/.test(out)).to.equal(false);
      expect(out.endsWith(s)).to.equal(true);
      expect(out.length - s.length).to.be.oneOf([0, 1]);
    }));
  });

  it('keeps finite numbers as numbers in rows and neutralises the rest', () => {
    expect(neutraliseRows([[1, '=x', null, -2, Number.NaN]])).to.deep.equal([[1, "'=x", '', -2, 'NaN']]);
  });
});

describe('two lists', () => {
  const viewer = { id: 'w-0101', roles: ['grid-worker'] as const };
  const now = new Date('2026-04-01T00:00:00+08:00');

  it('formats times in China Standard Time and keeps calendar deadlines as written', () => {
    expect(shanghaiTime(t)).to.equal('2026-03-01 09:30');
    expect(shanghaiTime('x')).to.equal('');
    expect(deadlineText('2026-03-31')).to.equal('2026-03-31');
    expect(deadlineText('2026-03-31T10:00:00Z')).to.equal('2026-03-31 18:00');
  });

  it('builds the problem list with the columns of DESIGN §9, place facts from the look-up', () => {
    const h = hazard({ placeId: '019a4b2c-0000-7000-8000-000000000001', description: '杂物堆到门口' });
    const table = twoListTable('problems', [h], {
      now, viewer, place: () => ({ name: '桥东小区 3 号楼', address: '迎泽区桥东街 18 号', gridId: '140106001001' }),
      people: { directory: (id) => (id === 'w-0101' ? '李建国' : undefined) },
    });
    expect(table.title).to.equal('问题隐患清单');
    expect(table.header).to.deep.equal(['序号', '单位(场所)', '地址', '所属网格', '隐患内容', '依据', '类别', '等级', '发现时间', '发现人', '状态']);
    expect(table.rows[0]).to.deep.equal([
      1, '桥东小区 3 号楼', '迎泽区桥东街 18 号', '140106001001', '3 号楼一层安全出口堆放杂物：杂物堆到门口', '',
      '安全出口、疏散通道堵塞', '一般隐患', '2026-03-01 09:30', '李建国', '已上报',
    ]);
  });

  it('builds the responsibility list, marking overdue progress and the supervision level', () => {
    const h = hazard({
      status: 'rectifying', deadline: '2026-03-20', measures: '清理杂物', responsible: { unit: '桥东物业', person: '王五', phone: '13800001234' },
      severity: 'major', supervision: { level: 'county', listedAt: t },
    });
    const table = twoListTable('responsibility', [h], { now, viewer, locale: 'en' });
    expect(table.header).to.deep.equal([
      'No.', 'Unit (place)', 'Address', 'Grid', 'Hazard', 'Measures', 'Responsible unit', 'Responsible person', 'Phone', 'Deadline',
      'Supervising officer', 'Progress', 'Supervision level',
    ]);
    expect(table.rows[0]).to.deep.equal([
      1, '', '', '', '3 号楼一层安全出口堆放杂物', '清理杂物', '桥东物业', '王五', '13800001234', '2026-03-20', '', 'Rectifying (overdue)', 'County (listed)',
    ]);
    expect(progressText({ ...h, status: 'closed' }, now)).to.equal('已销号');
    const fixed = { ...h, status: 'closed', history: [{ at: t, by: 'w-1', action: 'fix-on-spot', from: 'reported', to: 'closed' }] } as const;
    expect(progressText(fixed, now)).to.equal('已销号（当场整改）');
    expect(progressText(fixed, now, 'en')).to.equal('Closed (fixed on the spot)');
    // Reopened and closed again by a review: no longer an on-the-spot fix.
    const reviewed = { ...fixed, history: [...fixed.history, { at: t, by: 's-1', action: 'reopen', from: 'closed', to: 'rectifying' },
      { at: t, by: 's-1', action: 'review-pass', from: 'awaiting-review', to: 'closed' }] } as const;
    expect(progressText(reviewed, now)).to.equal('已销号');
  });

  it('整改责任清单 names the unit, address and grid, and 监管责任人: the grid\'s worker, else who assigned it; 问题隐患清单 the item\'s 依据', () => {
    const assigned = hazard({
      placeId: '019a4b2c-0000-7000-8000-000000000001', status: 'assigned', deadline: '2026-03-20', measures: '清理杂物',
      responsible: { unit: '桥东物业', person: '王五' },
      history: [{ at: t, by: 's-0101', byName: '王网格长', action: 'assign', from: 'verified', to: 'assigned' }],
    });
    const place = (): { name: string; address: string; gridId: string } => ({ name: '桥东小区 3 号楼', address: '迎泽区桥东街 18 号', gridId: '140106001001' });
    const noWorker = twoListTable('responsibility', [assigned], { now, viewer, place });
    expect(noWorker.rows[0]?.slice(0, 4)).to.deep.equal([1, '桥东小区 3 号楼', '迎泽区桥东街 18 号', '140106001001']);
    expect(noWorker.rows[0]?.[10]).to.equal('王网格长');
    const withWorker = twoListTable('responsibility', [assigned], { now, viewer, place, gridWorker: (g) => (g === '140106001001' ? '李建国' : undefined) });
    expect(withWorker.rows[0]?.[10]).to.equal('李建国');
    const found = hazard({ source: 'inspection', basis: { doc: 'GB 50016-2014', clause: '5.5.1', verified: true } });
    expect(twoListTable('problems', [found], { now, viewer }).rows[0]?.[5]).to.equal('GB 50016-2014 5.5.1');
    expect(twoListTable('problems', [{ ...found, source: 'worker' }], { now, viewer }).rows[0]?.[5]).to.equal('');
  });

  it('says where the supervision stands in 挂牌督办级别: requested, listed, lifted, none', () => {
    const requested = { level: 'city', requestedBy: 'f-1', requestedAt: t } as const;
    expect(supervisionText({ supervision: requested })).to.equal('市级挂牌督办（报请中）');
    expect(supervisionText({ supervision: { ...requested, listedAt: t } })).to.equal('市级挂牌督办（督办中）');
    expect(supervisionText({ supervision: { ...requested, listedAt: t, liftedAt: t } }, 'en')).to.equal('City (lifted)');
    expect(supervisionText({})).to.equal('');
    const row = twoListTable('responsibility', [hazard({ status: 'closed', supervision: { ...requested, listedAt: t, liftedAt: t } })], { now, viewer });
    expect(row.rows[0]?.[12]).to.equal('市级挂牌督办（已摘牌）');
  });

  it('shows a confidential reporter only to the roles of DESIGN §5 and to himself', () => {
    const tip = hazard({ source: 'public', reporter: { kind: 'resident', personId: 'r-9', contact: '张三 13900001234', confidential: true } });
    expect(finderText(tip, { viewer })).to.equal('群众（保密）');
    expect(finderText(tip, { viewer: { id: 's', roles: ['grid-supervisor'] } })).to.equal('群众·r-9 张三 13900001234（保密）');
    expect(finderText(tip, { viewer: { id: 'r-9', roles: ['resident'] } })).to.contain('13900001234');
    const rows = twoListTable('problems', [tip], { now, viewer }).rows.flat().join('|');
    expect(rows).not.to.contain('13900001234');
    expect(rows).not.to.contain('r-9');
  });

  it('leads the content with the title unless the description already starts with it', () => {
    expect(hazardContent({ title: '门口杂物', description: '门口杂物很多' })).to.equal('门口杂物很多');
    expect(hazardContent({ title: '门口杂物', description: ' ' })).to.equal('门口杂物');
  });
});
