// The configuration tabs and their fields, with the user guide's labels. Paths are the
// core_config_data paths the sidecar reads (forcebridge/...).

/** Where a field's choices come from, or what its text box takes. */
export type FieldInput = 'yesno' | 'stages' | 'recordTypes' | 'contactRoles' | 'leadSources' | 'createOpportunity' | 'days' | 'minutes' | 'username';

export interface FieldDefinition {
  path: string;
  label: string;
  comment?: string;
  input: FieldInput;
  /** Shown only while another field of the tab holds this value (Magento's <depends>). */
  dependsOn?: { path: string; value: string };
}

export type TabName = 'abandoned_cart' | 'order' | 'order_advanced' | 'order_status_map' | 'customer' | 'general';

export interface TabDefinition {
  name: TabName;
  title: string;
  /** The status map's fields come from the store's order statuses, so that tab lists none here. */
  fields: FieldDefinition[];
}

const CART = 'forcebridge/abandoned_cart/';
const ORDER = 'forcebridge/order/';
const GENERAL = 'forcebridge/general/';
export const ORDER_STATUS_MAP_PREFIX = 'forcebridge/order_status_map/';

const RECORD_TYPE_COMMENT = "Empty: the org's default Opportunity record type.";
const CYCLE_COMMENT = "Days from the opportunity's creation to its close date.";

export const TABS: Record<TabName, TabDefinition> = {
  abandoned_cart: {
    name: 'abandoned_cart',
    title: 'Abandoned Cart Configuration',
    fields: [
      { path: `${CART}automatic_sync`, label: 'Automatic Synchronization', input: 'yesno', comment: 'If disabled, abandoned carts are still synchronized by "Sync with Salesforce".' },
      { path: `${CART}stage`, label: 'Abandoned Cart Status', input: 'stages', comment: 'Opportunity stage when the checkout process begins.' },
      { path: `${CART}record_type`, label: 'Record type', input: 'recordTypes', comment: RECORD_TYPE_COMMENT },
      { path: `${CART}sales_cycle_length`, label: 'Sales Cycle Length', input: 'days', comment: CYCLE_COMMENT },
      { path: `${CART}enable_contact_roles`, label: 'Enable Contact Roles', input: 'yesno' },
      { path: `${CART}contact_role`, label: 'Opportunity Customer Role', input: 'contactRoles', dependsOn: { path: `${CART}enable_contact_roles`, value: '1' } },
      { path: `${CART}idle_minutes`, label: 'Idle Minutes Before a Cart Is Abandoned', input: 'minutes', comment: 'How long a cart that reached checkout sits untouched before it is synchronized; 0 = at once.' },
      { path: `${CART}expire_after_days`, label: 'Expire Carts After (days)', input: 'days', comment: 'A cart left untouched longer than this is marked Expired and its opportunity closed. At least 1.' },
      { path: `${CART}expired_stage`, label: 'Expired Cart Status', input: 'stages', comment: 'Opportunity stage of an expired cart; pick a closed stage.' },
    ],
  },
  order: {
    name: 'order',
    title: 'Order Configuration',
    fields: [{ path: `${ORDER}automatic_sync`, label: 'Automatic Synchronization', input: 'yesno', comment: 'If disabled, orders are still synchronized by "Sync with Salesforce".' }],
  },
  order_advanced: {
    name: 'order_advanced',
    title: 'Advanced',
    fields: [
      { path: `${ORDER}create_opportunity`, label: 'Create Opportunity', input: 'createOpportunity' },
      { path: `${ORDER}record_type`, label: 'Record type', input: 'recordTypes', comment: RECORD_TYPE_COMMENT },
      { path: `${ORDER}sales_cycle_length`, label: 'Sales Cycle Length', input: 'days', comment: CYCLE_COMMENT },
      { path: `${ORDER}enable_contact_roles`, label: 'Enable Contact Roles', input: 'yesno' },
      { path: `${ORDER}contact_role`, label: 'Opportunity Customer Role', input: 'contactRoles', dependsOn: { path: `${ORDER}enable_contact_roles`, value: '1' } },
      { path: `${ORDER}draft_stage`, label: 'Default Opportunity Draft Status', input: 'stages', comment: 'Stage of an order whose status has no Opportunity Status mapping.' },
      { path: `${ORDER}convert_opportunity`, label: 'Convert Opportunity', input: 'yesno', comment: 'No: the stage follows the Opportunity Status mapping alone.' },
      { path: `${ORDER}converted_stage`, label: 'Converted Opportunity Status', input: 'stages', comment: 'Stage an opportunity receives when its order is paid.', dependsOn: { path: `${ORDER}convert_opportunity`, value: '1' } },
      { path: `${ORDER}use_invoice_date_as_close_date`, label: 'Use Invoice date as close date', input: 'yesno', comment: 'No: the close date stays the creation date plus the Sales Cycle Length.', dependsOn: { path: `${ORDER}convert_opportunity`, value: '1' } },
    ],
  },
  order_status_map: { name: 'order_status_map', title: 'Field Mappings → Opportunity Status', fields: [] },
  customer: {
    name: 'customer',
    title: 'Customer Configuration',
    fields: [{ path: 'forcebridge/customer/automatic_sync', label: 'Automatic Synchronization', input: 'yesno', comment: 'If disabled, customers are still synchronized by "Sync with Salesforce".' }],
  },
  general: {
    name: 'general',
    title: 'General Configuration',
    fields: [
      { path: `${GENERAL}match_accounts_by_company`, label: 'Share One Account per Company', input: 'yesno', comment: 'Yes: customers whose default billing address names the same company share one Account named after it. No: every customer has an Account of their own.' },
      { path: `${GENERAL}lead_source`, label: 'Lead Source', input: 'leadSources', comment: 'Lead Source of the opportunities Forcebridge creates; empty leaves it unset.' },
      { path: `${GENERAL}default_owner`, label: 'Record Owner (Salesforce username)', input: 'username', comment: 'Owner of the records Forcebridge creates: the username of an active Salesforce user. Empty: the integration user.' },
    ],
  },
};

export function isTabName(name: string): name is TabName {
  return Object.hasOwn(TABS, name);
}

/** One field per Magento order status, mapped to an Opportunity stage. */
export function statusMapFields(statuses: { code: string; label: string }[]): FieldDefinition[] {
  return statuses.map((status) => ({ path: `${ORDER_STATUS_MAP_PREFIX}${status.code}`, label: status.label, input: 'stages' }));
}
