// Forcebridge_Connector/js/config-form: the configuration tabs on the module's pages in Magento's
// admin (data-mage-init from config-form.phtml), reading and saving through the module's controllers.
import { ConfigForm } from '../components/config-form/config-form.js';
import { isTabName } from '../components/config-form/config-tabs.js';
import { mountComponent } from './mount.js';
import { configControllers, type ConfigUrls } from './module-controllers.js';

export interface ConfigFormConfig extends ConfigUrls {
  tabs: string[];
}

export default function mountConfigForm(config: ConfigFormConfig, element: HTMLElement): void {
  const form = new ConfigForm(configControllers(config), config.tabs.filter(isTabName));
  mountComponent(element, 'forcebridge-config-form', form);
}
