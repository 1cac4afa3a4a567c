// Entry of the console bundle (forcebridge-console.js), loaded by /admin (console/index.html).
import ko from 'knockout-es5';
import { ApiClient } from '../api/client.js';
import { registerComponents } from '../components/register.js';
import { ConsoleApp } from './console-app.js';
import appTemplate from './console-app.html';
import { registerConsolePages } from './console-pages.js';
import './console.css';

registerComponents();
registerConsolePages();
const app = new ConsoleApp(new ApiClient(''));
ko.components.register('fb-console', { viewModel: { instance: app }, template: appTemplate });

const root = document.getElementById('forcebridge-console');
if (!root) throw new Error('The console page has no #forcebridge-console element.');
ko.applyBindings({}, root);
void app.start();
