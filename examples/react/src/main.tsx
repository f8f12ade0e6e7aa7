import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The theme: --fg-* tokens only; the page's own layout is in app.css.
import '@firegrid/elements/themes/government-blue.css';
import './app.css';
import { App } from './App.js';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
