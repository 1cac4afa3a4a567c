// Mounts a shared component where Magento's data-mage-init asked for it: into a fresh element inside
// the given one, so Knockout never binds a node Magento's own bindings own.
import ko from 'knockout-es5';
import { registerComponents } from '../components/register.js';

export function mountComponent(element: HTMLElement, componentName: string, model: object): void {
  registerComponents();
  const host = document.createElement('div');
  element.append(host);
  ko.applyBindingsToNode(host, { component: { name: componentName, params: { model } } }, model);
}
