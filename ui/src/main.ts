import { mount } from 'svelte';
import './fonts.css';
import '@kern-ux/native/dist/kern.min.css';
import './app.css';
import App from './App.svelte';

// The window's CSP allows only bundled scripts, styles and fonts. Anything it blocks is logged
// and kept here, so the end-to-end tests can require that no screen trips it.
const violations: string[] = [];
(window as unknown as { zirkelCspViolations: string[] }).zirkelCspViolations = violations;
document.addEventListener('securitypolicyviolation', (event) => {
  const entry = `${event.effectiveDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`;
  violations.push(entry);
  console.error(`Inhaltssicherheitsrichtlinie verletzt: ${entry}`);
});

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing in index.html');

export default mount(App, { target });
