// Which Forcebridge settings name something in the org (a stage, a contact role, a record type),
// and whether the org has it: the admin API refuses a value the org would reject at sync time.
import { CONFIG_PATHS, ORDER_STATUS_MAP_PREFIX } from '../magento/config-paths.js';
import type { OrgProfile } from './org-profile.js';

type OrgValueKind = 'stage' | 'contactRole' | 'recordType';

const { abandonedCart, order } = CONFIG_PATHS;
const KIND_BY_PATH = new Map<string, OrgValueKind>([
  [abandonedCart.stage.path, 'stage'],
  [order.draftStage.path, 'stage'],
  [order.convertedStage.path, 'stage'],
  [abandonedCart.contactRole.path, 'contactRole'],
  [order.contactRole.path, 'contactRole'],
  [abandonedCart.recordType.path, 'recordType'],
  [order.recordType.path, 'recordType'],
]);

function kindOf(path: string): OrgValueKind | undefined {
  return path.startsWith(ORDER_STATUS_MAP_PREFIX) ? 'stage' : KIND_BY_PATH.get(path);
}

/**
 * Why the org cannot take `value` for `path` (without repeating the value, which the caller typed);
 * undefined when it can or the path names nothing in the org.
 */
export function orgValueProblem(org: OrgProfile, path: string, value: string): string | undefined {
  switch (kindOf(path)) {
    case 'stage':
      return org.hasStage(value) ? undefined : 'is not an active Opportunity stage in Salesforce';
    case 'contactRole':
      return org.hasContactRole(value) ? undefined : 'is not an active Opportunity contact role in Salesforce';
    case 'recordType':
      // Empty means the org's default record type.
      return value === '' || org.recordTypeId(value) ? undefined : 'is not an active Opportunity record type in Salesforce';
    default:
      return undefined;
  }
}
