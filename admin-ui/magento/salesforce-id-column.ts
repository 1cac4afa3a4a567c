// Forcebridge_Connector/js/grid/columns/salesforce-id: the "Salesforce ID" column of Magento's grids.
import { salesforceColumn } from './grid-column.js';

export default salesforceColumn('Forcebridge_Connector/grid/cells/salesforce-id');
