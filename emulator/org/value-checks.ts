// Checks of one given value against its field that need nothing but the field itself: text
// length, restricted picklists, e-mail form and the digits a number may have.
import type { FieldValue } from '../contracts.js';
import { isTextType, type FieldDefinition } from '../schema/field-definition.js';
import { SalesforceError } from './salesforce-error.js';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMERIC_TYPES = new Set(['int', 'double', 'currency', 'percent']);

function checkText(definition: FieldDefinition, value: string): void {
  if (definition.length > 0 && value.length > definition.length) {
    throw new SalesforceError(
      'STRING_TOO_LONG',
      `${definition.label}: data value too large: ${value} (max length=${definition.length})`,
      [definition.name],
    );
  }
  if (definition.type === 'picklist' && definition.restrictedPicklist && !definition.picklistValues.some((entry) => entry.active && entry.value === value)) {
    throw new SalesforceError(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${definition.label}: bad value for restricted picklist field: ${value}`,
      [definition.name],
    );
  }
  if (definition.type === 'email' && !EMAIL_PATTERN.test(value)) {
    throw new SalesforceError('INVALID_EMAIL_ADDRESS', `${definition.label}: invalid email address: ${value}`, [definition.name]);
  }
}

/** Rounds to the field's scale and refuses more integer digits than precision - scale allows. */
function checkNumber(definition: FieldDefinition, value: number): number {
  const factor = 10 ** definition.scale;
  const rounded = Math.round(value * factor) / factor;
  const integerDigits = Math.trunc(Math.abs(rounded)).toString().length;
  if (definition.precision > 0 && integerDigits > definition.precision - definition.scale) {
    throw new SalesforceError(
      'NUMBER_OUTSIDE_VALID_RANGE',
      `${definition.label}: value outside of valid range on numeric field: ${value}`,
      [definition.name],
    );
  }
  return rounded;
}

/** The value to store, or a SalesforceError; references are checked by the org, which knows the records. */
export function checkedValue(definition: FieldDefinition, value: FieldValue): FieldValue {
  // Salesforce keeps no empty strings: an empty text is a null.
  if (value === null || value === '') return null;
  if (typeof value === 'string' && isTextType(definition.type)) {
    checkText(definition, value);
    return value;
  }
  if (typeof value === 'number' && NUMERIC_TYPES.has(definition.type)) return checkNumber(definition, value);
  return value;
}
