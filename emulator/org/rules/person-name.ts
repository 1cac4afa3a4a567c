// Contact, Lead and User show Name as "FirstName LastName".
import type { RecordRules } from '../record-rules.js';

export const personNameRules: RecordRules = {
  derive(_context, next) {
    next.Name = [next.FirstName, next.LastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
  },
};
