// Registers the shared Knockout components once, and their stylesheet, on whichever Knockout the page
// has (the console bundles its own; Magento's RequireJS provides its own in the AMD build).
import ko from 'knockout-es5';
import { configFormComponent } from './config-form/config-form.js';
import { historyPanelComponent } from './history/history-panel.js';
import { salesforceIdComponent } from './salesforce-id/salesforce-id.js';
import { shoppingCartTabComponent } from './shopping-cart/shopping-cart-tab.js';
import { syncButtonComponent } from './sync-run/sync-button.js';
import { syncRunComponent } from './sync-run/sync-run.js';
import { syncStatusComponent } from './sync-status/sync-status.js';
import stylesheet from './components.css';

const COMPONENTS = [syncStatusComponent, salesforceIdComponent, syncRunComponent, syncButtonComponent, configFormComponent, historyPanelComponent, shoppingCartTabComponent];
const STYLESHEET_ID = 'forcebridge-component-styles';

export function registerComponents(): void {
  for (const { name, viewModel, template } of COMPONENTS) {
    if (!ko.components.isRegistered(name)) ko.components.register(name, { viewModel, template });
  }
  if (!document.getElementById(STYLESHEET_ID)) {
    const style = document.createElement('style');
    style.id = STYLESHEET_ID;
    style.textContent = stylesheet;
    document.head.append(style);
  }
}
