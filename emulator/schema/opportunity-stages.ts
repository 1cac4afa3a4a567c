// The stage and contact-role value sets of a new org, and how a stage decides an opportunity's
// probability, forecast category and closed/won flags.

export type ForecastCategoryName = 'Omitted' | 'Pipeline' | 'Best Case' | 'Commit' | 'Closed';

export interface OpportunityStage {
  name: string;
  probability: number;
  forecastCategoryName: ForecastCategoryName;
  closed: boolean;
  won: boolean;
}

export const FORECAST_CATEGORY_NAMES: readonly ForecastCategoryName[] = ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'];

/** ForecastCategory holds the API name of the category ForecastCategoryName shows. */
export const FORECAST_CATEGORY_BY_NAME: Readonly<Record<ForecastCategoryName, string>> = {
  Omitted: 'Omitted',
  Pipeline: 'Pipeline',
  'Best Case': 'BestCase',
  Commit: 'Forecast',
  Closed: 'Closed',
};

function open(name: string, probability: number): OpportunityStage {
  return { name, probability, forecastCategoryName: 'Pipeline', closed: false, won: false };
}

export const DEFAULT_OPPORTUNITY_STAGES: readonly OpportunityStage[] = [
  open('Prospecting', 10),
  open('Qualification', 10),
  open('Needs Analysis', 20),
  open('Value Proposition', 50),
  open('Id. Decision Makers', 60),
  open('Perception Analysis', 70),
  open('Proposal/Price Quote', 75),
  open('Negotiation/Review', 90),
  { name: 'Closed Won', probability: 100, forecastCategoryName: 'Closed', closed: true, won: true },
  { name: 'Closed Lost', probability: 0, forecastCategoryName: 'Omitted', closed: true, won: false },
];

export const CONTACT_ROLES: readonly string[] = [
  'Business User',
  'Decision Maker',
  'Economic Buyer',
  'Economic Decision Maker',
  'Evaluator',
  'Executive Sponsor',
  'Influencer',
  'Technical Buyer',
  'Other',
];

/** Parses "Name:probability:Category[:won|lost]" as the CLI and admin endpoint accept it. */
export function parseStage(spec: string): OpportunityStage {
  const [name, probabilityText, category = 'Pipeline', closing] = spec.split(':');
  const probability = Number(probabilityText);
  if (!name || !Number.isFinite(probability) || probability < 0 || probability > 100) {
    throw new Error(`Stage must be "Name:probability[:Forecast Category][:won|lost]", got "${spec}"`);
  }
  if (!FORECAST_CATEGORY_NAMES.includes(category as ForecastCategoryName)) {
    throw new Error(`Unknown forecast category "${category}" (one of ${FORECAST_CATEGORY_NAMES.join(', ')})`);
  }
  if (closing !== undefined && closing !== 'won' && closing !== 'lost') throw new Error(`Stage closing must be "won" or "lost", got "${closing}"`);
  return {
    name,
    probability,
    forecastCategoryName: category as ForecastCategoryName,
    closed: closing !== undefined,
    won: closing === 'won',
  };
}
