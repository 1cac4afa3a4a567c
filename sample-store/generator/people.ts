// Names and addresses of shoppers: ordinary ones, accented ones, emoji and right-to-left scripts
// (Arabic, Hebrew), with streets and cities that fit each store's countries.
import type { Random } from './random.js';

export interface PersonName {
  firstname: string;
  /** NULL is allowed by customer_entity and the quote tables, not by customer addresses. */
  lastname: string | null;
}

export interface PostalAddress {
  firstname: string;
  lastname: string | null;
  company: string | null;
  street: string;
  city: string;
  region: string | null;
  regionId: number | null;
  postcode: string;
  countryId: string;
  telephone: string;
}

const NAMES_BY_ORIGIN: readonly (readonly [first: readonly string[], last: readonly string[], weight: number])[] = [
  [['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Susan', 'Emily', 'Daniel'],
    ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', "O'Connor"], 50],
  [['José', 'María', 'Zoë', 'Françoise', 'Jürgen', 'Søren', 'Chloé', 'Ángel', 'Björn', 'Łukasz', 'Renée', 'Anaïs'],
    ['Müller', 'García', 'Núñez', 'Lefèvre', 'Groß', 'Østergård', 'Dvořák', 'Çelik', 'Schäfer', 'Côté'], 30],
  [['محمد', 'فاطمة', 'عمر', 'ليلى'], ['العلي', 'حداد', 'منصور'], 5],
  [['דוד', 'שרה', 'יוסף', 'מרים'], ['כהן', 'לוי', 'מזרחי'], 5],
  [['伟', '芳', 'Hiroshi', 'Yuki'], ['王', '李', 'Tanaka', 'Sato'], 4],
  [['Ana 🌸', 'Sam 😀', 'Lucky 🍀', 'Mia ✨'], ['Rocket 🚀', 'Star ⭐', 'Fox 🦊'], 6],
];

export function pickName(random: Random): PersonName {
  const [firsts, lasts] = random.weighted(NAMES_BY_ORIGIN.map((origin) => [origin, origin[2]] as const));
  return { firstname: random.pick(firsts), lastname: random.pick(lasts) };
}

interface Place {
  city: string;
  region: string;
  regionId: number | null;
  postcode: () => string;
}

function digits(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(random.int(0, 9));
  return text;
}

// Region ids are Magento's directory_country_region ids where the region has one.
function placesOf(countryId: string, random: Random): readonly Place[] {
  const code = (prefix: string, count: number) => () => prefix + digits(random, count);
  switch (countryId) {
    case 'US':
      return [
        { city: 'Austin', region: 'Texas', regionId: 57, postcode: code('787', 2) },
        { city: 'Los Angeles', region: 'California', regionId: 12, postcode: code('900', 2) },
        { city: 'New York', region: 'New York', regionId: 43, postcode: code('100', 2) },
        { city: 'Chicago', region: 'Illinois', regionId: 23, postcode: code('606', 2) },
      ];
    case 'DE':
      return [
        { city: 'München', region: 'Bayern', regionId: 81, postcode: code('80', 3) },
        { city: 'Berlin', region: 'Berlin', regionId: 82, postcode: code('10', 3) },
        { city: 'Hamburg', region: 'Hamburg', regionId: 85, postcode: code('20', 3) },
      ];
    case 'AT':
      return [{ city: 'Wien', region: 'Wien', regionId: 95, postcode: code('1', 3) }];
    case 'FR':
      return [
        { city: 'Paris', region: 'Paris', regionId: 257, postcode: code('750', 2) },
        { city: 'Lyon', region: 'Rhône', regionId: 251, postcode: code('690', 2) },
      ];
    default:
      throw new Error(`No places for country ${countryId}`);
  }
}

const STREET_NAMES: Readonly<Record<string, readonly string[]>> = {
  US: ['Main St', 'Oak Avenue', 'Maple Drive', 'Sunset Blvd', 'Elm Street'],
  DE: ['Hauptstraße', 'Bahnhofstraße', 'Schloßallee', 'Gartenweg'],
  AT: ['Mariahilfer Straße', 'Ringstraße'],
  FR: ['Rue de la Paix', 'Avenue des Champs-Élysées', 'Boulevard Saint-Michel'],
};

const COMPANIES = ['Acme Corp', 'Globex GmbH', 'Société Générale de Test', 'Initech LLC'];

export function pickAddress(random: Random, name: PersonName, countryId: string): PostalAddress {
  const place = random.pick(placesOf(countryId, random));
  const streetName = random.pick(STREET_NAMES[countryId] ?? []);
  const number = random.int(1, 250);
  return {
    firstname: name.firstname,
    lastname: name.lastname,
    company: random.chance(0.15) ? random.pick(COMPANIES) : null,
    street: countryId === 'US' ? `${number} ${streetName}` : `${streetName} ${number}`,
    city: place.city,
    region: place.region,
    regionId: place.regionId,
    postcode: place.postcode(),
    countryId,
    telephone: `+${countryId === 'US' ? '1' : '49'}${digits(random, 10)}`,
  };
}

/** An ASCII mailbox name for an email address; scripts without Latin letters fall back to "shopper". */
export function mailboxName(name: PersonName): string {
  const ascii = (text: string | null) =>
    (text ?? '').normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase();
  const parts = [ascii(name.firstname), ascii(name.lastname)].filter((part) => part !== '');
  return parts.length > 0 ? parts.join('.').slice(0, 40) : 'shopper';
}

/** An address from the documentation ranges (RFC 5737). */
export function pickRemoteIp(random: Random): string {
  return `${random.pick(['192.0.2', '198.51.100', '203.0.113'])}.${random.int(1, 254)}`;
}
