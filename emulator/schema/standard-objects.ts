// The standard objects of the emulated org with their real standard fields (names, types, lengths,
// nillable/createable/updateable, picklist values). Opportunity stages come from the org's
// configuration, so that object is built from them.
import {
  checkbox,
  field,
  lookup,
  number,
  picklist,
  picklistValues,
  required,
  SYSTEM_MANAGED,
  text,
  textArea,
  type FieldDefinition,
} from './field-definition.js';
import { auditFields, idField, isDeletedField, ownerField, type ObjectDefinition } from './object-definition.js';
import { CONTACT_ROLES, FORECAST_CATEGORY_BY_NAME, FORECAST_CATEGORY_NAMES, type OpportunityStage } from './opportunity-stages.js';

const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];
const SALUTATIONS = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'];
const INDUSTRIES = [
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction', 'Consulting',
  'Education', 'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Environmental', 'Finance', 'Food & Beverage',
  'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Machinery', 'Manufacturing', 'Media', 'Not For Profit',
  'Recreation', 'Retail', 'Shipping', 'Technology', 'Telecommunications', 'Transportation', 'Utilities', 'Other',
];
const RATINGS = ['Hot', 'Warm', 'Cold'];
const LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'];
const READ_ONLY = SYSTEM_MANAGED;

/** The text fields of an address; its State and Country picklist codes come with the org setting. */
function address(prefix: string): FieldDefinition[] {
  const label = (part: string) => `${prefix} ${part}`.trim();
  return [
    textArea(`${prefix}Street`, label('Street'), 255),
    text(`${prefix}City`, label('City'), 40),
    text(`${prefix}State`, label('State/Province'), 80),
    text(`${prefix}PostalCode`, label('Zip/Postal Code'), 20),
    text(`${prefix}Country`, label('Country'), 80),
  ];
}

/** FirstName, LastName and the Name Salesforce computes from them. */
function personName(): FieldDefinition[] {
  return [
    text('LastName', 'Last Name', 80, required()),
    text('FirstName', 'First Name', 40),
    picklist('Salutation', 'Salutation', SALUTATIONS),
    text('Name', 'Full Name', 121, { ...READ_ONLY, nillable: false, nameField: true }),
  ];
}

function phone(name: string, label: string): FieldDefinition {
  return field(name, label, 'phone', { length: 40 });
}

function standardObject(
  name: string,
  label: string,
  labelPlural: string,
  keyPrefix: string,
  fields: FieldDefinition[],
  capabilities: Partial<Pick<ObjectDefinition, 'createable' | 'updateable' | 'deletable'>> = {},
): ObjectDefinition {
  return { name, label, labelPlural, keyPrefix, createable: true, updateable: true, deletable: true, ...capabilities, fields };
}

function account(): ObjectDefinition {
  return standardObject('Account', 'Account', 'Accounts', '001', [
    idField(),
    isDeletedField(),
    lookup('MasterRecordId', 'Master Record ID', 'Account', 'MasterRecord', READ_ONLY),
    text('Name', 'Account Name', 255, required({ nameField: true })),
    picklist('Type', 'Account Type', ['Prospect', 'Customer - Direct', 'Customer - Channel', 'Channel Partner / Reseller', 'Installation Partner', 'Technology Partner', 'Other']),
    lookup('ParentId', 'Parent Account ID', 'Account', 'Parent', { childRelationshipName: 'ChildAccounts' }),
    ...address('Billing'),
    ...address('Shipping'),
    phone('Phone', 'Account Phone'),
    phone('Fax', 'Account Fax'),
    text('AccountNumber', 'Account Number', 40),
    field('Website', 'Website', 'url', { length: 255 }),
    text('Sic', 'SIC Code', 20),
    picklist('Industry', 'Industry', INDUSTRIES),
    number('AnnualRevenue', 'Annual Revenue', 'currency', 18, 0),
    number('NumberOfEmployees', 'Employees', 'int', 8, 0),
    picklist('Ownership', 'Ownership', ['Public', 'Private', 'Subsidiary', 'Other']),
    text('TickerSymbol', 'Ticker Symbol', 20),
    textArea('Description', 'Account Description', 32000),
    picklist('Rating', 'Account Rating', RATINGS),
    text('Site', 'Account Site', 80),
    ownerField(),
    ...auditFields(),
    field('LastActivityDate', 'Last Activity', 'date', READ_ONLY),
    picklist('AccountSource', 'Account Source', LEAD_SOURCES),
  ]);
}

function contact(): ObjectDefinition {
  return standardObject('Contact', 'Contact', 'Contacts', '003', [
    idField(),
    isDeletedField(),
    lookup('MasterRecordId', 'Master Record ID', 'Contact', 'MasterRecord', READ_ONLY),
    lookup('AccountId', 'Account ID', 'Account', 'Account', { childRelationshipName: 'Contacts', cascadeDelete: true }),
    ...personName(),
    ...address('Other'),
    ...address('Mailing'),
    phone('Phone', 'Business Phone'),
    phone('Fax', 'Business Fax'),
    phone('MobilePhone', 'Mobile Phone'),
    phone('HomePhone', 'Home Phone'),
    phone('OtherPhone', 'Other Phone'),
    lookup('ReportsToId', 'Reports To ID', 'Contact', 'ReportsTo'),
    field('Email', 'Email', 'email', { length: 80, idLookup: true }),
    text('Title', 'Title', 128),
    text('Department', 'Department', 80),
    picklist('LeadSource', 'Lead Source', LEAD_SOURCES),
    field('Birthdate', 'Birthdate', 'date'),
    textArea('Description', 'Contact Description', 32000),
    checkbox('HasOptedOutOfEmail', 'Email Opt Out', false),
    ownerField(),
    ...auditFields(),
    field('LastActivityDate', 'Last Activity', 'date', READ_ONLY),
  ]);
}

function lead(): ObjectDefinition {
  return standardObject('Lead', 'Lead', 'Leads', '00Q', [
    idField(),
    isDeletedField(),
    ...personName(),
    text('Title', 'Title', 128),
    text('Company', 'Company', 255, required()),
    ...address(''),
    phone('Phone', 'Phone'),
    phone('MobilePhone', 'Mobile Phone'),
    field('Email', 'Email', 'email', { length: 80, idLookup: true }),
    field('Website', 'Website', 'url', { length: 255 }),
    textArea('Description', 'Description', 32000),
    picklist('LeadSource', 'Lead Source', LEAD_SOURCES),
    picklist('Status', 'Status', LEAD_STATUSES, {
      nillable: false,
      defaultedOnCreate: true,
      defaultValue: 'Open - Not Contacted',
      restrictedPicklist: true,
      picklistValues: picklistValues(LEAD_STATUSES, 'Open - Not Contacted'),
    }),
    picklist('Industry', 'Industry', INDUSTRIES),
    picklist('Rating', 'Rating', RATINGS),
    number('AnnualRevenue', 'Annual Revenue', 'currency', 18, 0),
    number('NumberOfEmployees', 'Employees', 'int', 8, 0),
    ownerField(),
    checkbox('IsConverted', 'Converted', false, READ_ONLY),
    field('ConvertedDate', 'Converted Date', 'date', READ_ONLY),
    lookup('ConvertedAccountId', 'Converted Account ID', 'Account', 'ConvertedAccount', READ_ONLY),
    lookup('ConvertedContactId', 'Converted Contact ID', 'Contact', 'ConvertedContact', READ_ONLY),
    lookup('ConvertedOpportunityId', 'Converted Opportunity ID', 'Opportunity', 'ConvertedOpportunity', READ_ONLY),
    checkbox('IsUnreadByOwner', 'Unread By Owner', false),
    ...auditFields(),
  ]);
}

function user(): ObjectDefinition {
  const localeDefaults = (name: string, label: string, value: string): FieldDefinition =>
    picklist(name, label, [value], { nillable: false, restrictedPicklist: true, picklistValues: picklistValues([value], value) });
  return standardObject(
    'User',
    'User',
    'Users',
    '005',
    [
      idField(),
      text('Username', 'Username', 80, required({ unique: true, idLookup: true })),
      text('LastName', 'Last Name', 80, required()),
      text('FirstName', 'First Name', 40),
      text('Name', 'Full Name', 121, { ...READ_ONLY, nillable: false, nameField: true }),
      text('CompanyName', 'Company Name', 80),
      text('Title', 'Title', 80),
      text('Department', 'Department', 80),
      field('Email', 'Email', 'email', required({ length: 128 })),
      text('Alias', 'Alias', 8, required()),
      text('CommunityNickname', 'Nickname', 40, { idLookup: true }),
      checkbox('IsActive', 'Active', true),
      localeDefaults('TimeZoneSidKey', 'Time Zone', 'America/Los_Angeles'),
      localeDefaults('LocaleSidKey', 'Locale', 'en_US'),
      localeDefaults('EmailEncodingKey', 'Email Encoding', 'UTF-8'),
      localeDefaults('LanguageLocaleKey', 'Language', 'en_US'),
      ...auditFields(),
    ],
    { deletable: false },
  );
}

function opportunity(stages: readonly OpportunityStage[], stageNameRestricted: boolean): ObjectDefinition {
  const stageNames = stages.map((stage) => stage.name);
  return standardObject('Opportunity', 'Opportunity', 'Opportunities', '006', [
    idField(),
    isDeletedField(),
    lookup('AccountId', 'Account ID', 'Account', 'Account', { childRelationshipName: 'Opportunities', cascadeDelete: true }),
    checkbox('IsPrivate', 'Private', false),
    text('Name', 'Name', 120, required({ nameField: true })),
    textArea('Description', 'Description', 32000),
    picklist('StageName', 'Stage', stageNames, { nillable: false, restrictedPicklist: stageNameRestricted }),
    number('Amount', 'Amount', 'currency', 18, 2),
    number('Probability', 'Probability (%)', 'percent', 3, 0, { defaultedOnCreate: true }),
    number('ExpectedRevenue', 'Expected Amount', 'currency', 18, 2, { ...READ_ONLY, calculated: true }),
    number('TotalOpportunityQuantity', 'Quantity', 'double', 18, 2),
    field('CloseDate', 'Close Date', 'date', required()),
    picklist('Type', 'Opportunity Type', ['Existing Customer - Upgrade', 'Existing Customer - Replacement', 'Existing Customer - Downgrade', 'New Customer']),
    text('NextStep', 'Next Step', 255),
    picklist('LeadSource', 'Lead Source', LEAD_SOURCES),
    checkbox('IsClosed', 'Closed', false, READ_ONLY),
    checkbox('IsWon', 'Won', false, READ_ONLY),
    picklist('ForecastCategory', 'Forecast Category', Object.values(FORECAST_CATEGORY_BY_NAME), { ...READ_ONLY, nillable: false, restrictedPicklist: true }),
    picklist('ForecastCategoryName', 'Forecast Category', FORECAST_CATEGORY_NAMES, { defaultedOnCreate: true, restrictedPicklist: true }),
    lookup('ContactId', 'Contact ID', 'Contact', 'Contact'),
    checkbox('HasOpportunityLineItem', 'Has Line Item', false, READ_ONLY),
    lookup('Pricebook2Id', 'Price Book ID', 'Pricebook2', 'Pricebook2'),
    ownerField(),
    ...auditFields(),
    field('LastActivityDate', 'Last Activity', 'date', READ_ONLY),
    number('FiscalQuarter', 'Fiscal Quarter', 'int', 11, 0, READ_ONLY),
    number('FiscalYear', 'Fiscal Year', 'int', 11, 0, READ_ONLY),
    text('Fiscal', 'Fiscal Period', 6, READ_ONLY),
  ]);
}

function opportunityContactRole(): ObjectDefinition {
  return standardObject('OpportunityContactRole', 'Opportunity Contact Role', 'Opportunity Contact Role', '00K', [
    idField(),
    lookup('OpportunityId', 'Opportunity ID', 'Opportunity', 'Opportunity', required({ updateable: false, childRelationshipName: 'OpportunityContactRoles', cascadeDelete: true })),
    lookup('ContactId', 'Contact ID', 'Contact', 'Contact', required({ childRelationshipName: 'OpportunityContactRoles', cascadeDelete: true })),
    picklist('Role', 'Role', CONTACT_ROLES),
    checkbox('IsPrimary', 'Primary', false),
    ...auditFields(),
    isDeletedField(),
  ]);
}

function opportunityLineItem(): ObjectDefinition {
  return standardObject('OpportunityLineItem', 'Opportunity Product', 'Opportunity Product', '00k', [
    idField(),
    lookup('OpportunityId', 'Opportunity ID', 'Opportunity', 'Opportunity', required({ updateable: false, childRelationshipName: 'OpportunityLineItems', cascadeDelete: true })),
    number('SortOrder', 'Sort Order', 'int', 9, 0),
    lookup('PricebookEntryId', 'Price Book Entry ID', 'PricebookEntry', 'PricebookEntry', { updateable: false }),
    lookup('Product2Id', 'Product ID', 'Product2', 'Product2', { updateable: false }),
    text('ProductCode', 'Product Code', 255, READ_ONLY),
    text('Name', 'Opportunity Product Name', 376, { ...READ_ONLY, nameField: true }),
    number('Quantity', 'Quantity', 'double', 12, 2, required()),
    number('TotalPrice', 'Total Price', 'currency', 18, 2),
    number('UnitPrice', 'Sales Price', 'currency', 18, 2),
    number('ListPrice', 'List Price', 'currency', 18, 2, READ_ONLY),
    field('ServiceDate', 'Date', 'date'),
    text('Description', 'Line Description', 255),
    ...auditFields(),
    isDeletedField(),
  ]);
}

function opportunityHistory(): ObjectDefinition {
  return standardObject(
    'OpportunityHistory',
    'Opportunity History',
    'Opportunity History',
    '008',
    [
      idField(),
      lookup('OpportunityId', 'Opportunity ID', 'Opportunity', 'Opportunity', { ...READ_ONLY, nillable: false, childRelationshipName: 'OpportunityHistories', cascadeDelete: true }),
      lookup('CreatedById', 'Created By ID', 'User', 'CreatedBy', READ_ONLY),
      field('CreatedDate', 'Created Date', 'datetime', READ_ONLY),
      text('StageName', 'Stage Name', 255, READ_ONLY),
      number('Amount', 'Amount', 'currency', 18, 2, READ_ONLY),
      number('ExpectedRevenue', 'Expected Revenue', 'currency', 18, 2, READ_ONLY),
      field('CloseDate', 'Close Date', 'date', READ_ONLY),
      number('Probability', 'Probability (%)', 'percent', 3, 0, READ_ONLY),
      text('ForecastCategory', 'Forecast Category', 40, READ_ONLY),
      field('SystemModstamp', 'System Modstamp', 'datetime', READ_ONLY),
      checkbox('IsDeleted', 'Deleted', false, READ_ONLY),
      number('PrevAmount', 'Previous Amount', 'currency', 18, 2, READ_ONLY),
      field('PrevCloseDate', 'Previous Close Date', 'date', READ_ONLY),
    ],
    { createable: false, updateable: false, deletable: false },
  );
}

function product2(): ObjectDefinition {
  return standardObject('Product2', 'Product', 'Products', '01t', [
    idField(),
    text('Name', 'Product Name', 255, required({ nameField: true })),
    text('ProductCode', 'Product Code', 255),
    textArea('Description', 'Product Description', 4000),
    checkbox('IsActive', 'Active', false),
    picklist('Family', 'Product Family', []),
    text('ExternalId', 'External ID', 255),
    text('StockKeepingUnit', 'Product SKU', 180),
    picklist('QuantityUnitOfMeasure', 'Quantity Unit Of Measure', ['Each']),
    checkbox('IsArchived', 'Archived', false, READ_ONLY),
    ...auditFields(),
    isDeletedField(),
  ]);
}

function pricebook2(): ObjectDefinition {
  return standardObject('Pricebook2', 'Price Book', 'Price Books', '01s', [
    idField(),
    isDeletedField(),
    text('Name', 'Price Book Name', 255, required({ nameField: true })),
    checkbox('IsActive', 'Active', false),
    checkbox('IsArchived', 'Archived', false, READ_ONLY),
    text('Description', 'Description', 255),
    checkbox('IsStandard', 'Is Standard Price Book', false, READ_ONLY),
    ...auditFields(),
  ]);
}

function pricebookEntry(): ObjectDefinition {
  return standardObject('PricebookEntry', 'Price Book Entry', 'Price Book Entries', '01u', [
    idField(),
    text('Name', 'Product Name', 255, { ...READ_ONLY, nameField: true }),
    lookup('Pricebook2Id', 'Price Book ID', 'Pricebook2', 'Pricebook2', required({ updateable: false, childRelationshipName: 'PricebookEntries', cascadeDelete: true })),
    lookup('Product2Id', 'Product ID', 'Product2', 'Product2', required({ updateable: false, childRelationshipName: 'PricebookEntries', cascadeDelete: true })),
    number('UnitPrice', 'List Price', 'currency', 18, 2, required()),
    checkbox('IsActive', 'Active', false),
    checkbox('UseStandardPrice', 'Use Standard Price', false),
    text('ProductCode', 'Product Code', 255, READ_ONLY),
    checkbox('IsArchived', 'Archived', false, READ_ONLY),
    ...auditFields(),
    isDeletedField(),
  ]);
}

function recordType(objectNames: readonly string[]): ObjectDefinition {
  return standardObject(
    'RecordType',
    'Record Type',
    'Record Types',
    '012',
    [
      idField(),
      text('Name', 'Record Type Label', 80, required({ nameField: true })),
      text('DeveloperName', 'Record Type Name', 80, required()),
      text('NamespacePrefix', 'Namespace Prefix', 15, READ_ONLY),
      text('Description', 'Description', 255),
      picklist('SobjectType', 'SObject Type Name', objectNames, required({ updateable: false, restrictedPicklist: true, length: 40 })),
      checkbox('IsActive', 'Active', true),
      ...auditFields(),
    ],
    { deletable: false },
  );
}

/** Object names that may carry record types (RecordTypeId appears once one is defined). */
export const RECORD_TYPE_CAPABLE = ['Account', 'Contact', 'Lead', 'Opportunity', 'Product2', 'Pricebook2'] as const;

export interface StandardObjectsConfig {
  stages: readonly OpportunityStage[];
  stageNameRestricted: boolean;
}

export function standardObjects(config: StandardObjectsConfig): ObjectDefinition[] {
  return [
    account(),
    contact(),
    lead(),
    user(),
    opportunity(config.stages, config.stageNameRestricted),
    opportunityContactRole(),
    opportunityLineItem(),
    opportunityHistory(),
    product2(),
    pricebook2(),
    pricebookEntry(),
    recordType(RECORD_TYPE_CAPABLE),
  ];
}
