import { createApp } from 'vue';
// Registers the tags the page uses (idempotent).
import '@firegrid/elements/provider/define';
import '@firegrid/elements/hazard-ledger/define';
import '@firegrid/elements/hazard-report/define';
// The theme: --fg-* tokens only; the page's own layout is in App.vue.
import '@firegrid/elements/themes/government-blue.css';
import App from './App.vue';
import { client } from './client.js';

createApp(App, { client }).mount('#app');
