// Forcebridge_Connector/js/config-form: the configuration tabs on the module's pages in Magento's
// admin (data-mage-init from config-form.phtml).
import { ApiClient } from '../api/client.js';
import { ConfigForm } from '../components/config-form/config-form.js';
import { isTabName } from '../components/config-form/config-tabs.js';
import { mountComponent } from './mount.js';

export interface ConfigFormConfig {
  sidecarUrl: string;
  tabs: string[];
}

export default function mountConfigForm(config: ConfigFormConfig, element: HTMLElement): void {
  const form = new ConfigForm(new ApiClient(config.sidecarUrl), config.tabs.filter(isTabName));
  mountComponent(element, 'forcebridge-config-form', form);
}
