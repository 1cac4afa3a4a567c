// Which Forcebridge settings name something in the org (a stage, a contact role, a record type, a
// lead source, a record owner), and whether the org has it: the admin API refuses a value the org
// would reject at sync time.
import type { Connection } from 'jsforce';
import { CONFIG_PATHS, ORDER_STATUS_MAP_PREFIX } from '../magento/config-paths.js';
import type { ConfigChanges, ConfigFieldProblem } from '../magento/config-writer.js';
import type { OrgProfile } from './org-profile.js';

type OrgValueKind = 'stage' | 'contactRole' | 'recordType' | 'leadSource' | 'owner';

const { abandonedCart, order, general } = CONFIG_PATHS;
const KIND_BY_PATH = new Map<string, OrgValueKind>([
  [abandonedCart.stage.path, 'stage'],
  [abandonedCart.expiredStage.path, 'stage'],
  [order.draftStage.path, 'stage'],
  [order.convertedStage.path, 'stage'],
  [abandonedCart.contactRole.path, 'contactRole'],
  [order.contactRole.path, 'contactRole'],
  [abandonedCart.recordType.path, 'recordType'],
  [order.recordType.path, 'recordType'],
  [general.leadSource.path, 'leadSource'],
  [general.defaultOwner.path, 'owner'],
]);

function kindOf(path: string): OrgValueKind | undefined {
  return path.startsWith(ORDER_STATUS_MAP_PREFIX) ? 'stage' : KIND_BY_PATH.get(path);
}

/**
 * Why the org cannot take `value` for `path` (without repeating the value, which the caller typed);
 * undefined when it can or the path names nothing in the org. Owners must have been loaded.
 */
function orgValueProblem(org: OrgProfile, path: string, value: string): string | undefined {
  switch (kindOf(path)) {
    case 'stage':
      return org.hasStage(value) ? undefined : 'is not an active Opportunity stage in Salesforce';
    case 'contactRole':
      return org.hasContactRole(value) ? undefined : 'is not an active Opportunity contact role in Salesforce';
    case 'recordType':
      // Empty means the org's default record type.
      return value === '' || org.recordTypeId(value) ? undefined : 'is not an active Opportunity record type in Salesforce';
    case 'leadSource':
      // Empty leaves Lead Source unset.
      return value === '' || org.hasLeadSource(value) ? undefined : 'is not a value of the Opportunity Lead Source picklist in Salesforce';
    case 'owner':
      // Empty means the integration user.
      return value === '' || org.ownerId(value) ? undefined : 'is not the username of an active Salesforce user';
    default:
      return undefined;
  }
}

/** The problems of the values (null = inherit, never a problem), looking up the owners they name first. */
export async function orgValueProblems(org: OrgProfile, connection: Connection, changes: ConfigChanges): Promise<ConfigFieldProblem[]> {
  const named = Object.entries(changes).filter((entry): entry is [string, string] => entry[1] !== null);
  await org.loadOwners(connection, named.filter(([path]) => kindOf(path) === 'owner').map(([, value]) => value));
  return named.flatMap(([path, value]) => {
    const problem = orgValueProblem(org, path, value);
    return problem ? [{ field: path, problem }] : [];
  });
}
