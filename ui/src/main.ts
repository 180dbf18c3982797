import { mount } from 'svelte';
import './fonts.css';
import '@kern-ux/native/dist/kern.min.css';
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing in index.html');

export default mount(App, { target });
