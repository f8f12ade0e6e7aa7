// Gate (issue 9): every story of every element renders and passes axe-core with no violations.
// One page for all of them: stories render into one container, one after another.
import { expect } from '@open-wc/testing';
import { deepElements, settle } from './dom.js';
import { loadInventory } from './inventory.js';
import { storiesOf } from './stories.js';
import type { StoryModule } from './stories.js';
import * as ledgerActions from '../../stories/hazard-ledger-actions.stories.js';

const inventory = await loadInventory();
/** Story files beyond the one per element that the gate covers too. */
const EXTRA_STORY_FILES: { file: string; stories: StoryModule }[] = [
  { file: 'stories/hazard-ledger-actions.stories.ts', stories: ledgerActions },
];

describe('gate: axe on every story', () => {
  let container: HTMLElement;
  const errors: string[] = [];
  const onError = (e: ErrorEvent): void => { errors.push(e.message); };
  const onRejection = (e: PromiseRejectionEvent): void => {
    errors.push(e.reason instanceof Error ? e.reason.message : String(e.reason));
  };

  before(() => {
    container = document.createElement('div');
    container.lang = 'zh-CN';
    document.body.append(container);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    container.remove();
  });

  const files = [
    ...inventory.elements.map((el) => ({ label: `${el.tag} (${el.storyFile})`, file: el.storyFile, stories: el.stories })),
    ...EXTRA_STORY_FILES.map((x) => ({ label: x.file, file: x.file, stories: x.stories })),
  ];
  for (const el of files) {
    describe(el.label, () => {
      const stories = storiesOf(el.stories, el.file);
      it('has at least one story', () => {
        expect(stories.length, `${el.file} exports no stories`).to.be.greaterThan(0);
      });
      for (const story of stories) {
        it(`${story.name}: renders without errors and has no axe violations`, async () => {
          errors.length = 0;
          await story.renderInto(container);
          await settle(container);
          expect(errors, `errors while rendering ${el.file} ${story.exportName}`).to.deep.equal([]);
          expect(deepElements(container).length, `${story.exportName} rendered nothing`).to.be.greaterThan(0);
          await expect(container).to.be.accessible();
        });
      }
    });
  }
});
