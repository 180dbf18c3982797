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

// A startup mark for scripts/bench.sh: when the first rows of the members list (the start screen)
// have been painted, i.e. two animation frames after they entered the DOM. The observer only
// runs until then (at most a minute, should the app open on another screen).
function markMembersPainted(): void {
  const rows = '[data-testid="member-row"]';
  const painted = () =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => performance.mark('zirkel:members-painted')),
    );
  const observer = new MutationObserver(() => {
    if (!document.querySelector(rows)) return;
    observer.disconnect();
    painted();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 60_000);
}
markMembersPainted();

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing in index.html');

export default mount(App, { target });
