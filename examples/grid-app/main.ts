// The demo grid app's entry: register the Firegrid elements and the shell.
import '@firegrid/elements/define';
import './app.js';
