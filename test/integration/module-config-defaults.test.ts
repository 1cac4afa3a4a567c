// The Magento module's config.xml and the sidecar must agree on every default: the sidecar falls
// back to its own when core_config_data has no value, Magento shows config.xml's.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { ALL_DEFINITIONS, DEFAULT_ORDER_STATUS_MAP, ORDER_STATUS_MAP_PREFIX } from '../../sidecar/magento/config-paths.js';
import { onlyChild, parseXml, type XmlElement } from '../support/xml-tree.js';

const CONFIG_XML = new URL('../../module-config/etc/config.xml', import.meta.url);

/** path → value for every leaf under <default>. */
function leaves(element: XmlElement, prefix: string, into: Map<string, string>): Map<string, string> {
  if (element.children.length === 0) into.set(prefix, element.text.trim());
  for (const child of element.children) leaves(child, prefix ? `${prefix}/${child.name}` : child.name, into);
  return into;
}

describe('module defaults and sidecar defaults', () => {
  const declared = leaves(onlyChild(parseXml(readFileSync(CONFIG_XML, 'utf8')), 'default'), '', new Map());

  it('declare the same default for every forcebridge path the sidecar reads', () => {
    for (const definition of ALL_DEFINITIONS.filter((d) => d.path.startsWith('forcebridge/'))) {
      expect(declared.get(definition.path), definition.path).to.equal(definition.defaultValue);
    }
  });

  it('declare no forcebridge default the sidecar does not read', () => {
    const known = new Set(ALL_DEFINITIONS.map((definition) => definition.path));
    const unknown = [...declared.keys()].filter(
      (path) => path.startsWith('forcebridge/') && !known.has(path) && !path.startsWith(ORDER_STATUS_MAP_PREFIX),
    );
    expect(unknown).to.deep.equal([]);
  });

  it('start from the same Opportunity Status mapping', () => {
    const moduleMap = Object.fromEntries(
      [...declared].filter(([path]) => path.startsWith(ORDER_STATUS_MAP_PREFIX)).map(([path, stage]) => [path.slice(ORDER_STATUS_MAP_PREFIX.length), stage]),
    );
    expect(moduleMap).to.deep.equal(DEFAULT_ORDER_STATUS_MAP);
  });
});
