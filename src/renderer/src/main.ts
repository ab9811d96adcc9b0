// Renderer entry: find the api (Electron preload or the browser host) and mount the app. If there
// is no way to reach the services, say so in the page instead of showing a blank window.
import { mount } from 'svelte';
import App from './App.svelte';
import { getClient } from './lib/api/client.ts';
import { describeError } from './lib/api/user-error.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

try {
  mount(App, { target, props: { api: getClient() } });
} catch (err) {
  const box = document.createElement('div');
  box.className = 'fatal';
  box.setAttribute('role', 'alert');
  box.style.cssText = 'max-width:520px;margin:80px auto;padding:20px 24px;border-radius:12px;border:1px solid var(--border);background:var(--surface)';
  const h = document.createElement('h1');
  h.textContent = 'Clashless cannot start';
  h.style.fontSize = '18px';
  const p = document.createElement('p');
  p.textContent = describeError(err);
  box.append(h, p);
  target.append(box);
}
