// The Magento module's files as Magento reads them: every XML file valid against Magento 2.4.8's own
// XSDs (xmllint, with the schemas in ../shared/magento/xsd when present), system.xml and config.xml
// declaring the same forcebridge/* paths with the documented defaults and the user guide's labels,
// every module class the XML names present as a PSR-4 file, and the PHP syntax-checked when php exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { TABS } from '../../admin-ui/components/config-form/config-tabs.js';
import { ALL_DEFINITIONS } from '../../sidecar/magento/config-paths.js';
import { childrenNamed, onlyChild, parseXml, type XmlElement } from '../support/xml-tree.js';

const MODULE = fileURLToPath(new URL('../../module-config/', import.meta.url));
const XSD_DIR = fileURLToPath(new URL('../../../shared/magento/xsd/', import.meta.url));

/** Path, default, label (the user guide's words where it names the option), and the field it depends on. */
type Setting = [path: string, defaultValue: string, label: string, dependsOn?: [field: string, value: string]];

const SETTINGS: readonly Setting[] = [
  ['forcebridge/abandoned_cart/automatic_sync', '0', 'Automatic Synchronization'],
  ['forcebridge/abandoned_cart/stage', 'Prospecting', 'Abandoned Cart Status'],
  ['forcebridge/abandoned_cart/record_type', '', 'Record type'],
  ['forcebridge/abandoned_cart/sales_cycle_length', '30', 'Sales Cycle Length'],
  ['forcebridge/abandoned_cart/enable_contact_roles', '0', 'Enable Contact Roles'],
  ['forcebridge/abandoned_cart/contact_role', 'Decision Maker', 'Opportunity Customer Role', ['enable_contact_roles', '1']],
  ['forcebridge/abandoned_cart/idle_minutes', '60', 'Idle Minutes Before a Cart Is Abandoned'],
  ['forcebridge/abandoned_cart/expire_after_days', '30', 'Expire Carts After (days)'],
  ['forcebridge/abandoned_cart/expired_stage', 'Closed Lost', 'Expired Cart Status'],
  ['forcebridge/order/automatic_sync', '0', 'Automatic Synchronization'],
  ['forcebridge/order/create_opportunity', 'every_order', 'Create Opportunity'],
  ['forcebridge/order/record_type', '', 'Record type'],
  ['forcebridge/order/sales_cycle_length', '30', 'Sales Cycle Length'],
  ['forcebridge/order/enable_contact_roles', '0', 'Enable Contact Roles'],
  ['forcebridge/order/contact_role', 'Decision Maker', 'Opportunity Customer Role', ['enable_contact_roles', '1']],
  ['forcebridge/order/draft_stage', 'Qualification', 'Default Opportunity Draft Status'],
  ['forcebridge/order/convert_opportunity', '1', 'Convert Opportunity'],
  ['forcebridge/order/converted_stage', 'Closed Won', 'Converted Opportunity Status', ['convert_opportunity', '1']],
  ['forcebridge/order/use_invoice_date_as_close_date', '1', 'Use Invoice date as close date', ['convert_opportunity', '1']],
  ['forcebridge/customer/automatic_sync', '0', 'Automatic Synchronization'],
  ['forcebridge/general/match_accounts_by_company', '1', 'Share One Account per Company'],
  ['forcebridge/general/lead_source', 'Web', 'Lead Source'],
  ['forcebridge/general/default_owner', '', 'Record Owner (Salesforce username)'],
  ['forcebridge/order_status_map/pending', 'Qualification', 'Pending'],
  ['forcebridge/order_status_map/pending_payment', 'Qualification', 'Pending Payment'],
  ['forcebridge/order_status_map/processing', 'Negotiation/Review', 'Processing'],
  ['forcebridge/order_status_map/holded', 'Needs Analysis', 'On Hold'],
  ['forcebridge/order_status_map/payment_review', 'Negotiation/Review', 'Payment Review'],
  ['forcebridge/order_status_map/fraud', 'Negotiation/Review', 'Suspected Fraud'],
  ['forcebridge/order_status_map/complete', 'Closed Won', 'Complete'],
  ['forcebridge/order_status_map/closed', 'Closed Lost', 'Closed'],
  ['forcebridge/order_status_map/canceled', 'Closed Lost', 'Canceled'],
];

/** Which Magento XSD validates a module file (../shared/magento/xsd/README.md). */
function schemaFor(file: string): string | undefined {
  const fixed: Record<string, string> = {
    'etc/module.xml': 'module.xsd',
    'etc/acl.xml': 'acl.xsd',
    'etc/adminhtml/menu.xml': 'menu.xsd',
    'etc/adminhtml/routes.xml': 'routes.xsd',
    'etc/adminhtml/system.xml': 'system_file.xsd',
    'etc/config.xml': 'config.xsd',
    'etc/di.xml': 'di_config.xsd',
    'etc/adminhtml/di.xml': 'di_config.xsd',
    'etc/db_schema.xml': 'db_schema.xsd',
  };
  if (fixed[file]) return fixed[file];
  if (file.startsWith('view/adminhtml/ui_component/')) return 'ui_configuration.xsd';
  if (file.startsWith('view/adminhtml/layout/')) return 'page_configuration.xsd';
  return undefined;
}

function filesUnder(directory: string, extension: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .map((name) => relative(MODULE, join(directory, name)).split('\\').join('/'))
    .sort();
}

function hasCommand(command: string, versionFlag: string): boolean {
  return spawnSync(command, [versionFlag], { stdio: 'ignore' }).status === 0;
}

function readModuleXml(file: string): XmlElement {
  return parseXml(readFileSync(join(MODULE, file), 'utf8'));
}

interface DeclaredField {
  path: string;
  label: string;
  dependsOn: [string, string][];
  /** showInDefault, showInWebsite, showInStore of the field and of its group, e.g. "111/111". */
  scopes: string;
}

const scopeFlags = (element: XmlElement) => ['showInDefault', 'showInWebsite', 'showInStore'].map((flag) => element.attributes[flag] ?? '0').join('');

function systemFields(): DeclaredField[] {
  const system = onlyChild(readModuleXml('etc/adminhtml/system.xml'), 'system');
  return childrenNamed(system, 'section').flatMap((section) =>
    childrenNamed(section, 'group').flatMap((group) =>
      childrenNamed(group, 'field').map((field) => {
        const configPath = childrenNamed(field, 'config_path')[0]?.text.trim();
        const depends = childrenNamed(field, 'depends')[0];
        return {
          path: configPath ?? `${section.attributes.id}/${group.attributes.id}/${field.attributes.id}`,
          label: onlyChild(field, 'label').text.trim(),
          dependsOn: depends ? childrenNamed(depends, 'field').map((d): [string, string] => [d.attributes.id!, d.text.trim()]) : [],
          scopes: `${scopeFlags(group)}/${scopeFlags(field)}`,
        };
      }),
    ),
  );
}

function configDefaults(): Map<string, string> {
  const defaults = new Map<string, string>();
  const walk = (element: XmlElement, prefix: string[]): void => {
    if (element.children.length === 0) defaults.set(prefix.join('/'), element.text.trim());
    for (const child of element.children) walk(child, [...prefix, child.name]);
  };
  for (const top of onlyChild(readModuleXml('etc/config.xml'), 'default').children) walk(top, [top.name]);
  return defaults;
}

describe('module-config: Magento XML', () => {
  const xmlFiles = filesUnder(MODULE, '.xml');

  describe('validates against Magento 2.4.8 XSDs', () => {
    before(function () {
      const missing = !existsSync(join(XSD_DIR, 'catalog.xml'))
        ? `Magento's XSDs are not at ${XSD_DIR}`
        : !hasCommand('xmllint', '--version')
          ? 'xmllint is not installed'
          : undefined;
      if (missing) {
        console.log(`      skipped: ${missing}`);
        this.skip();
      }
    });

    for (const file of xmlFiles) {
      it(file, () => {
        const schema = schemaFor(file);
        expect(schema, `no Magento schema is known for ${file}`).to.be.a('string');
        const result = spawnSync('xmllint', ['--noout', '--schema', join(XSD_DIR, schema!), join(MODULE, file)], {
          env: { ...process.env, XML_CATALOG_FILES: join(XSD_DIR, 'catalog.xml') },
          encoding: 'utf8',
        });
        expect(result.status, result.stderr).to.equal(0);
      });
    }
  });

  describe('configuration paths (system.xml and config.xml)', () => {
    const expectedPaths = SETTINGS.map(([path]) => path).sort();

    it('system.xml declares exactly the forcebridge/* paths, each once', () => {
      expect(systemFields().map((field) => field.path).sort()).to.deep.equal(expectedPaths);
    });

    it('config.xml gives exactly those paths their documented defaults', () => {
      expect(Object.fromEntries(configDefaults())).to.deep.equal(Object.fromEntries(SETTINGS.map(([path, value]) => [path, value])));
    });

    it('labels each option in the user guide\'s words', () => {
      const labels = Object.fromEntries(systemFields().map((field) => [field.path, field.label]));
      expect(labels).to.deep.equal(Object.fromEntries(SETTINGS.map(([path, , label]) => [path, label])));
    });

    it('shows contact roles, the converted stage and the invoice close date only when switched on', () => {
      const dependencies = Object.fromEntries(systemFields().map((field) => [field.path, field.dependsOn]));
      expect(dependencies).to.deep.equal(Object.fromEntries(SETTINGS.map(([path, , , dependsOn]) => [path, dependsOn ? [dependsOn] : []])));
    });

    it('shows every setting the sidecar resolves per store view at the default, website and store view scopes', () => {
      const scopes = Object.fromEntries(systemFields().map((field) => [field.path, field.scopes]));
      for (const definition of ALL_DEFINITIONS.filter((d) => d.path.startsWith('forcebridge/'))) {
        expect(scopes[definition.path], definition.path).to.equal('111/111');
      }
    });

    it("labels each option as the sidecar's console does", () => {
      const labels = new Map(systemFields().map((field) => [field.path, field.label]));
      const consoleFields = Object.values(TABS).flatMap((tab) => tab.fields);
      expect(consoleFields).to.have.length.greaterThan(20);
      for (const field of consoleFields) expect(labels.get(field.path), field.path).to.equal(field.label);
    });

    it('offers "For every order" for Create Opportunity, storing every_order', () => {
      const system = readFileSync(join(MODULE, 'etc/adminhtml/system.xml'), 'utf8');
      expect(system).to.match(/<option label="For every order">every_order<\/option>/);
      expect(system).to.match(/<option label="No">no<\/option>/);
    });
  });

  it('every Forcebridge\\Connector class the XML names has its PSR-4 file declaring it', () => {
    const named = new Set<string>();
    for (const file of xmlFiles) {
      for (const match of readFileSync(join(MODULE, file), 'utf8').matchAll(/Forcebridge\\Connector\\[\w\\]+/g)) named.add(match[0]);
    }
    expect(named.size).to.be.greaterThan(0);
    for (const className of named) {
      const parts = className.split('\\').slice(2);
      const file = join(MODULE, `${parts.join('/')}.php`);
      expect(existsSync(file), `${className} -> ${relative(MODULE, file)}`).to.equal(true);
      const source = readFileSync(file, 'utf8');
      expect(source, className).to.include(`namespace Forcebridge\\Connector\\${parts.slice(0, -1).join('\\')};`);
      expect(source, className).to.match(new RegExp(`class ${parts[parts.length - 1]}\\b`));
    }
  });

  it('every PHP file passes php -l', function () {
    if (!hasCommand('php', '--version')) {
      console.log('      skipped: php is not installed, so the module\'s PHP is not syntax-checked here');
      this.skip();
    }
    for (const file of [...filesUnder(MODULE, '.php'), ...filesUnder(MODULE, '.phtml')]) {
      execFileSync('php', ['-l', join(MODULE, file)], { stdio: 'pipe' });
    }
  });
});
