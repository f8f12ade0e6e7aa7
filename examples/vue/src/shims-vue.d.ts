// What TypeScript (tsc, not vue-tsc) sees of a .vue file: App.vue takes the Firegrid client.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  import type { FiregridClient } from '@firegrid/core';
  const component: DefineComponent<{ client: FiregridClient }>;
  export default component;
}
