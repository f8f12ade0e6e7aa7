import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createFiregridClient, defineHost, memoryDataPort } from '@firegrid/core';
import type { FiregridClient } from '@firegrid/core';
import '@firegrid/elements/captain-notice/define';
import { captainClient, captainId, captainNow, captainSession, captainWorld, type CaptainWorld } from './captain-registry.stories.js';

/** The first building of the default world, which has a captain in office. */
export const noticeBuildingId = captainId(1, 0);

/** A very long building name and very long duties: the notice must still print on one page. */
export function longNoticeWorld(): CaptainWorld {
  const world = captainWorld();
  const [first] = world.places;
  if (first !== undefined) {
    first.name = '太原市迎泽区柳巷街道桥东社区双塔西街与五一路交叉口东北角桥东小区（原纺织厂家属院）东区 3 单元 18 号高层住宅楼';
    first.address = '山西省太原市迎泽区柳巷街道桥东社区双塔西街 188 号桥东小区东区 3 单元 18 号楼（物业服务中心北侧）';
  }
  const captain = world.captains.find((c) => c.buildingId === noticeBuildingId && c.term.to === undefined);
  if (captain !== undefined) {
    captain.person.name = '欧阳建国';
    captain.duties = Array.from({ length: 9 }, (_, i) => `第 ${i + 1} 项：${'每日巡查楼道、楼梯间、电缆井和安全出口，劝阻电动自行车进楼入户和飞线充电，保持消防车通道和疏散通道畅通，发现火灾隐患立即劝阻并报告网格员，'.repeat(3)}`);
    captain.commitment = { signedAt: '2025-06-02T10:00:00+08:00', method: 'paper' };
  }
  return world;
}

/** A client whose host has no `links` port: the notice prints without a QR code and says why. */
export function clientWithoutLinks(world: CaptainWorld = captainWorld()): FiregridClient {
  return createFiregridClient({
    host: defineHost({
      session: () => Promise.resolve(captainSession),
      data: memoryDataPort({ places: world.places, captains: world.captains, workers: world.workers }, { tenantId: 'demo', now: () => captainNow }),
    }),
    now: () => captainNow,
  });
}

const meta: Meta = {
  title: 'Elements/fg-captain-notice',
  component: 'fg-captain-notice',
  excludeStories: /^[a-z]/,
  parameters: {
    docs: {
      description: {
        component:
          'The printable notice (公示牌) of one building: captain, phone, duties, term, grid worker and a tip-off QR code. Print it on A4 or A5: it fills exactly one page.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The notice of a building with a captain, as it prints. */
export const Notice: Story = {
  render: () => html`<fg-captain-notice building-id=${noticeBuildingId} .client=${captainClient()}></fg-captain-notice>`,
};

/** A very long building name and long duties, clamped so the print stays one page. */
export const LongTexts: Story = {
  render: () => html`<fg-captain-notice building-id=${noticeBuildingId} .client=${captainClient(longNoticeWorld())}></fg-captain-notice>`,
};

/** In English. */
export const English: Story = {
  render: () => html`<fg-captain-notice locale="en" building-id=${noticeBuildingId} .client=${captainClient()}></fg-captain-notice>`,
};

/** A host without a tip-off link: no QR code, and the notice says why. */
export const NoTipOffLink: Story = {
  render: () => html`<fg-captain-notice building-id=${noticeBuildingId} .client=${clientWithoutLinks()}></fg-captain-notice>`,
};

/** A building without a captain has no notice yet. */
export const Vacant: Story = {
  render: () => {
    const world = captainWorld({ covered: 0 });
    return html`<fg-captain-notice building-id=${noticeBuildingId} .client=${captainClient(world)}></fg-captain-notice>`;
  },
};
