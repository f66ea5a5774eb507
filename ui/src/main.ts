import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { laadTaal } from './lib/i18n/taal.svelte';

// The saved language is known before anything is drawn, so the first paint is already in it.
// The marks time the start-up steps for scripts/bench_app.py.
void laadTaal().then(() => {
  performance.mark('opvang:taal');
  mount(App, { target: document.getElementById('app')! });
});
