// Forcebridge_Connector/js/grid/columns/sync-status: the "Salesforce Sync" column of Magento's grids.
import { salesforceColumn } from './grid-column.js';

export default salesforceColumn('Forcebridge_Connector/grid/cells/sync-status');
