// Registry of entity locale data: lang -> word lists, plus the language-independent world-city list.
// Country names (with alternates) come from the i18n-iso-countries package, see src/extract/entities/gazetteer.ts.
import en from './en/entities.js';
import fr from './fr/entities.js';
import de from './de/entities.js';
import es from './es/entities.js';
import pt from './pt/entities.js';
import nl from './nl/entities.js';

export interface EntityLocaleData {
  /** Legal-form suffixes closing a company name; the union over all languages applies to every text. */
  legalForms: string[];
  /** Honorifics before a person's name. */
  titles: string[];
  /** Lower-case words allowed inside a name between capitalized words. */
  connectors: string[];
  /** Capitalized words that make a name an organization. */
  orgKeywords: string[];
  /** Lower-case head nouns that open an organization name ("le laboratoire X"). */
  orgHeads: string[];
  /** Words that make a name an event (last word of the name, or multi-word). */
  eventKeywords: string[];
  /** Words that make a name a product. */
  productKeywords: string[];
  /** Words that make a name a place. */
  placeKeywords: string[];
  /** Words inside "(… “X”)" that introduce a defined short name. */
  definitionMarkers: string[];
  /** Words of a role in an apposition ("Jane Doe, Chief Executive Officer of Acme"). */
  roleWords: string[];
  /** Role nouns that make a role phrase (a phrase of roleWords must contain one); empty: every role word is one. */
  roleHeads: string[];
  /** Capitalized words that are never an entity on their own (function words, months, days…). */
  stopwords: string[];
  /** Connectors of a list of brands. */
  listConnectors: string[];
  /** Place names in this language beyond the shared world-city list. */
  places: string[];
  /** Frequent given names of this language area. */
  givenNames: string[];
}

export const ENTITY_LOCALES: Record<string, EntityLocaleData> = { en, fr, de, es, pt, nl };

/** Data for a language; unknown languages get English function words plus everything shared. */
export function entityLocale(lang: string): EntityLocaleData {
  return ENTITY_LOCALES[lang] ?? en;
}

/** Legal forms of every language (a German GmbH appears in English text too). */
export const ALL_LEGAL_FORMS: string[] = [...new Set(Object.values(ENTITY_LOCALES).flatMap((l) => l.legalForms))];

/** Titles of every language, for names quoted in another language's text. */
export const ALL_TITLES: string[] = [...new Set(Object.values(ENTITY_LOCALES).flatMap((l) => l.titles))];

/** Major world cities (general knowledge; endonym or usual English spelling). Localized exonyms live in each language file. */
export const WORLD_CITIES: string[] = [
  // East Asia
  'Beijing', 'Shanghai', 'Guangzhou', 'Shenzhen', 'Tianjin', 'Chongqing', 'Chengdu', 'Wuhan', 'Hangzhou', 'Nanjing', "Xi'an", 'Xian',
  'Suzhou', 'Qingdao', 'Dalian', 'Shenyang', 'Harbin', 'Changchun', 'Zhengzhou', 'Changsha', 'Hefei', 'Jinan', 'Fuzhou', 'Xiamen',
  'Kunming', 'Nanning', 'Guiyang', 'Lanzhou', 'Urumqi', 'Lhasa', 'Hohhot', 'Taiyuan', 'Shijiazhuang', 'Nanchang', 'Ningbo', 'Wuxi',
  'Dongguan', 'Foshan', 'Zhuhai', 'Sanya', 'Haikou', 'Anhui', 'Guangdong', 'Zhejiang', 'Jiangsu', 'Shandong', 'Henan', 'Hubei', 'Hunan',
  'Sichuan', 'Yunnan', 'Fujian', 'Hebei', 'Shanxi', 'Shaanxi', 'Jiangxi', 'Guangxi', 'Guizhou', 'Hainan', 'Xinjiang', 'Inner Mongolia',
  'Heilongjiang', 'Jilin', 'Liaoning', 'Gansu', 'Qinghai', 'Ningxia', 'Taipei', 'Kaohsiung', 'Tokyo', 'Osaka', 'Kyoto', 'Yokohama',
  'Nagoya', 'Sapporo', 'Kobe', 'Fukuoka', 'Hiroshima', 'Okinawa', 'Seoul', 'Busan', 'Incheon', 'Pyongyang', 'Ulaanbaatar',
  // South and Southeast Asia
  'Singapore', 'Kuala Lumpur', 'Penang', 'Jakarta', 'Surabaya', 'Bali', 'Bangkok', 'Phuket', 'Chiang Mai', 'Hanoi', 'Ho Chi Minh City',
  'Saigon', 'Da Nang', 'Manila', 'Cebu', 'Phnom Penh', 'Vientiane', 'Yangon', 'Rangoon', 'Naypyidaw', 'Dhaka', 'Kathmandu', 'Colombo',
  'Mumbai', 'Bombay', 'Delhi', 'New Delhi', 'Bangalore', 'Bengaluru', 'Chennai', 'Madras', 'Kolkata', 'Calcutta', 'Hyderabad', 'Pune',
  'Ahmedabad', 'Karachi', 'Lahore', 'Islamabad', 'Kabul', 'Tashkent', 'Almaty', 'Astana', 'Bishkek', 'Dushanbe', 'Ashgabat', 'Baku',
  'Tbilisi', 'Yerevan',
  // Middle East and Africa
  'Dubai', 'Abu Dhabi', 'Sharjah', 'Doha', 'Riyadh', 'Jeddah', 'Mecca', 'Medina', 'Kuwait City', 'Manama', 'Muscat', 'Tehran', 'Baghdad',
  'Basra', 'Damascus', 'Aleppo', 'Beirut', 'Amman', 'Jerusalem', 'Tel Aviv', 'Gaza', 'Ankara', 'Istanbul', 'Izmir', 'Cairo', 'Alexandria',
  'Tripoli', 'Tunis', 'Algiers', 'Casablanca', 'Rabat', 'Marrakech', 'Tangier', 'Khartoum', 'Addis Ababa', 'Nairobi', 'Mombasa', 'Kampala',
  'Kigali', 'Dar es Salaam', 'Lusaka', 'Harare', 'Luanda', 'Kinshasa', 'Lagos', 'Abuja', 'Accra', 'Dakar', 'Abidjan', 'Bamako', 'Niamey',
  'Ouagadougou', 'Johannesburg', 'Cape Town', 'Durban', 'Pretoria', 'Maputo', 'Windhoek', 'Gaborone', 'Antananarivo', 'Mogadishu',
  // Europe
  'London', 'Manchester', 'Birmingham', 'Liverpool', 'Leeds', 'Glasgow', 'Edinburgh', 'Cardiff', 'Belfast', 'Bristol', 'Oxford',
  'Cambridge', 'Dublin', 'Cork', 'Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nice', 'Bordeaux', 'Lille', 'Nantes', 'Strasbourg', 'Berlin',
  'Hamburg', 'Frankfurt', 'Stuttgart', 'Düsseldorf', 'Dortmund', 'Leipzig', 'Dresden', 'Bremen', 'Hannover', 'Bonn', 'Amsterdam',
  'Rotterdam', 'Utrecht', 'Eindhoven', 'Luxembourg', 'Madrid', 'Barcelona', 'Valencia', 'Bilbao', 'Malaga', 'Porto', 'Milan', 'Rome',
  'Turin', 'Bologna', 'Genoa', 'Palermo', 'Zurich', 'Geneva', 'Lausanne', 'Salzburg', 'Innsbruck', 'Budapest', 'Bratislava', 'Ljubljana',
  'Zagreb', 'Sarajevo', 'Skopje', 'Tirana', 'Podgorica', 'Sofia', 'Thessaloniki', 'Krakow', 'Kraków', 'Gdansk', 'Wroclaw', 'Poznan',
  'Vilnius', 'Riga', 'Tallinn', 'Helsinki', 'Stockholm', 'Oslo', 'Bergen', 'Reykjavik', 'Minsk', 'Chisinau', 'Odessa', 'Odesa', 'Kharkiv',
  'Lviv', 'Saint Petersburg', 'St. Petersburg', 'Vladivostok', 'Novosibirsk', 'Kazan', 'Valletta', 'Nicosia', 'Monaco', 'Andorra la Vella',
  // Americas
  'New York', 'New York City', 'Los Angeles', 'Chicago', 'Houston', 'Phoenix', 'Philadelphia', 'San Antonio', 'San Diego', 'Dallas',
  'San Jose', 'Austin', 'Jacksonville', 'San Francisco', 'Seattle', 'Denver', 'Washington', 'Washington, D.C.', 'Boston', 'Detroit',
  'Nashville', 'Portland', 'Las Vegas', 'Miami', 'Atlanta', 'Orlando', 'Minneapolis', 'New Orleans', 'Pittsburgh', 'Cleveland',
  'Baltimore', 'Honolulu', 'Anchorage', 'Toronto', 'Montreal', 'Vancouver', 'Calgary', 'Ottawa', 'Edmonton', 'Winnipeg', 'Quebec City',
  'Mexico City', 'Guadalajara', 'Monterrey', 'Tijuana', 'Cancun', 'Havana', 'Kingston', 'Santo Domingo', 'San Juan', 'Panama City',
  'San Salvador', 'Tegucigalpa', 'Managua', 'Guatemala City', 'Bogota', 'Medellin', 'Caracas', 'Quito', 'Guayaquil', 'Lima', 'La Paz',
  'Santiago', 'Buenos Aires', 'Cordoba', 'Montevideo', 'Asuncion', 'Sao Paulo', 'Rio de Janeiro', 'Brasilia', 'Salvador', 'Belo Horizonte',
  'Porto Alegre', 'Recife', 'Manaus',
  // Oceania
  'Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide', 'Canberra', 'Auckland', 'Wellington', 'Christchurch',
  // US states and other large regions usually written in English
  'California', 'Texas', 'Florida', 'New York State', 'Illinois', 'Pennsylvania', 'Ohio', 'Georgia', 'Michigan', 'Arizona', 'Nevada',
  'Massachusetts', 'Virginia', 'Oregon', 'Colorado', 'Hawaii', 'Alaska', 'Ontario', 'Quebec', 'British Columbia', 'Alberta',
];
