// The few objects the engine tests need, with the standard fields they touch and one external id.
import { field, type FixtureObject } from './in-memory-org.js';

const common = [field('Id', 'id'), field('IsDeleted', 'boolean'), field('CreatedDate', 'datetime')];

export const SAMPLE_OBJECTS: FixtureObject[] = [
  { name: 'User', keyPrefix: '005', required: ['LastName'], fields: [...common, field('Name', 'string'), field('LastName', 'string')] },
  {
    name: 'Account',
    keyPrefix: '001',
    required: ['Name'],
    fields: [
      ...common,
      field('Name', 'string'),
      field('Industry', 'picklist'),
      field('AnnualRevenue', 'currency'),
      field('NumberOfEmployees', 'int'),
      field('Magento_Key__c', 'string'),
      field('OwnerId', 'reference', { to: 'User', relationshipName: 'Owner' }),
    ],
  },
  {
    name: 'Contact',
    keyPrefix: '003',
    required: ['LastName'],
    fields: [
      ...common,
      field('LastName', 'string'),
      field('Email', 'email'),
      field('Birthdate', 'date'),
      field('HasOptedOutOfEmail', 'boolean'),
      field('Magento_Key__c', 'string'),
      field('AccountId', 'reference', { to: 'Account', relationshipName: 'Account' }),
    ],
  },
];
