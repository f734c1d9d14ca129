// English entity data: general-knowledge word lists (no names taken from evaluation data).
import type { EntityLocaleData } from '../entities.js';
import { calendar } from './calendar.js';
import { capitalized } from '../calendar.js';

const entities: EntityLocaleData = {
  // Legal-form suffixes that close a company name ("Acme Robotics Co., Ltd."); every language's list applies to every text.
  legalForms: ['Co., Ltd.', 'Co., Ltd', 'Co. Ltd.', 'Co. Ltd', 'Co.,Ltd.', 'Co.,Ltd', 'Company Limited', 'Company Ltd.', 'Co.', 'Ltd.', 'Ltd',
    'Limited', 'Inc.', 'Inc', 'Incorporated', 'Corp.', 'Corp', 'LLC', 'L.L.C.', 'LLP', 'L.P.', 'LP', 'PLC', 'plc', 'Plc', 'Pty Ltd', 'Pty. Ltd.',
    'Pvt. Ltd.', 'Pvt Ltd', 'Private Limited', 'PLLC', 'Group Co., Ltd.', 'Holdings Ltd.', 'Bhd', 'Berhad', 'Sdn Bhd', 'Pte. Ltd.', 'Pte Ltd',
    'K.K.', 'JSC', 'PJSC', 'OJSC', 'OOO', 'Tbk', 'A/S', 'ASA', 'AB', 'Oyj', 'Oy', 'ApS', 'S.p.A.', 'SpA', 'S.r.l.', 'Srl', 'Kft.', 'Zrt.',
    'sp. z o.o.', 'S.A.', 'SA', 'N.V.', 'NV', 'B.V.', 'BV', 'AG', 'SE', 'GmbH', 'LTD.', 'LTD', 'CO., LTD.', 'CO., LTD', 'CO.,LTD.', 'INC.', 'CORP.'],
  // Honorifics before a person's name (the name starts after them).
  titles: ['Mr.', 'Mr', 'Mrs.', 'Mrs', 'Ms.', 'Ms', 'Dr.', 'Dr', 'Prof.', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady',
    'Mx.', 'Rev.', 'Gen.', 'Sen.', 'Rep.', 'Gov.', 'Capt.', 'Col.', 'Lt.', 'Sgt.', 'Judge', 'Pope', 'King', 'Queen', 'Prince', 'Princess'],
  // Lower-case words that may stand inside a name ("Bank of America", "Duke of York").
  connectors: ['of', 'for', 'de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', 'da', 'do', 'dos', 'das', 'del', 'di', 'al', 'bin', 'ibn'],
  // Capitalized words that make the name around them an organization.
  orgKeywords: ['University', 'College', 'School', 'Academy', 'Institute', 'Institution', 'Laboratory', 'Laboratories', 'Lab', 'Labs',
    'Group', 'Holding', 'Holdings', 'Bank', 'Agency', 'Ministry', 'Department', 'Office', 'Bureau', 'Authority', 'Commission', 'Committee',
    'Council', 'Association', 'Federation', 'Foundation', 'Fund', 'Trust', 'Alliance', 'League', 'Union', 'Party', 'Club', 'Society',
    'Company', 'Corporation', 'Enterprises', 'Industries', 'Industry', 'Motors', 'Automobile', 'Automotive', 'Airlines', 'Airways',
    'Technologies', 'Technology', 'Systems', 'Solutions', 'Networks', 'Communications', 'Pharmaceuticals', 'Electronics', 'Energy',
    'Capital', 'Partners', 'Ventures', 'Investments', 'Securities', 'Insurance', 'Media', 'Press', 'News', 'Times', 'Journal', 'Post',
    'Centre', 'Center', 'Hospital', 'Clinic', 'Organization', 'Organisation', 'Service', 'Services', 'Board', 'Court', 'Parliament',
    'Senate', 'Congress', 'Assembly', 'Government', 'Army', 'Navy', 'Police', 'Network', 'Exchange', 'Reserve', 'Consortium',
    'International', 'Inc', 'Corp', 'Ltd', 'Co', 'Studios', 'Records', 'Broadcasting', 'Museum', 'Library', 'Church'],
  // Lower-case head nouns that open an organization name in this language ("laboratoire Horizon"); none in English.
  orgHeads: [],
  eventKeywords: ['Summit', 'Conference', 'Expo', 'Exposition', 'Exhibition', 'Forum', 'Awards', 'Award', 'Festival', 'Fair', 'Congress',
    'Convention', 'Symposium', 'Olympics', 'Olympic Games', 'Games', 'Championship', 'Championships', 'World Cup', 'Cup', 'Grand Prix',
    'Open', 'Show', 'Week', 'Day', 'Days', 'Tour', 'Marathon', 'Ceremony', 'Gala', 'Hackathon', 'Roadshow', 'Meetup', 'Workshop', 'Webinar', 'Biennale'],
  productKeywords: ['Platform', 'Architecture', 'Series', 'Edition', 'Model', 'OS'],
  placeKeywords: ['Province', 'State', 'County', 'City', 'District', 'Region', 'Island', 'Islands', 'River', 'Lake', 'Mountains', 'Mount',
    'Valley', 'Bay', 'Gulf', 'Sea', 'Ocean', 'Street', 'Road', 'Avenue', 'Square', 'Park', 'Airport', 'Port', 'Harbour', 'Harbor',
    'Peninsula', 'Coast', 'Desert', 'Canal', 'Strait', 'Stadium', 'Arena'],
  // Markers that introduce a defined short name: 'Acme Corp. (hereinafter referred to as "Acme")'.
  definitionMarkers: ['hereinafter referred to as', 'hereinafter called', 'hereinafter', 'referred to as', 'the', 'or', 'collectively', 'together'],
  // Words that introduce a person's role in an apposition: 'Jane Doe, Chief Executive Officer of Acme'.
  roleWords: ['Chairman', 'Chairwoman', 'Chairperson', 'Chair', 'President', 'Vice', 'CEO', 'CFO', 'CTO', 'COO', 'CMO', 'Chief', 'Director',
    'Manager', 'Secretary', 'Minister', 'Founder', 'Co-founder', 'Co-Founder', 'Head', 'Executive', 'Officer', 'Spokesman', 'Spokeswoman',
    'Spokesperson', 'Professor', 'Dean', 'Chancellor', 'Governor', 'Mayor', 'Senator', 'Ambassador', 'Partner', 'Principal', 'Leader',
    'General', 'Deputy', 'Assistant', 'Senior', 'Managing', 'Board', 'Member', 'Owner', 'Editor', 'Coach', 'Captain', 'Analyst', 'Engineer',
    'Researcher', 'Scientist', 'Commissioner', 'Superintendent', 'Treasurer', 'Prime', 'Premier', 'Representative', 'Lead', 'Global',
    'Regional', 'Country', 'Marketing', 'Sales', 'Operations', 'Technology', 'Product', 'Investor', 'Relations', 'Public', 'Affairs',
    'Communications', 'Division', 'Business', 'Unit', 'Overseas', 'Directors', 'Officers', 'Members', 'Trustees'],
  roleHeads: ['Chairman', 'Chairwoman', 'Chairperson', 'Chair', 'President', 'CEO', 'CFO', 'CTO', 'COO', 'CMO', 'Director', 'Manager',
    'Secretary', 'Minister', 'Founder', 'Co-founder', 'Co-Founder', 'Head', 'Officer', 'Spokesman', 'Spokeswoman', 'Spokesperson',
    'Professor', 'Dean', 'Chancellor', 'Governor', 'Mayor', 'Senator', 'Ambassador', 'Partner', 'Leader', 'Deputy', 'Owner', 'Editor',
    'Coach', 'Captain', 'Analyst', 'Engineer', 'Researcher', 'Scientist', 'Commissioner', 'Superintendent', 'Treasurer', 'Premier',
    'Representative', 'Member', 'Directors', 'Officers', 'Members', 'Trustees', 'Vice'],
  // Capitalized words that never start an entity by themselves (sentence-initial function words, months, days…).
  stopwords: ['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You', 'Our', 'Their', 'His',
    'Her', 'My', 'Your', 'In', 'On', 'At', 'By', 'For', 'From', 'To', 'With', 'Without', 'Under', 'Over', 'After', 'Before', 'During',
    'Since', 'Until', 'As', 'If', 'When', 'While', 'Where', 'Why', 'How', 'What', 'Which', 'Who', 'Whom', 'Whose', 'And', 'But', 'Or',
    'Nor', 'So', 'Yet', 'Also', 'However', 'Meanwhile', 'Moreover', 'Furthermore', 'Therefore', 'Thus', 'Then', 'There', 'Here', 'Now',
    'Today', 'Tomorrow', 'Yesterday', 'Through', 'Throughout', 'Among', 'Between', 'Across', 'Along', 'Around', 'About', 'Above', 'Below',
    'Into', 'Onto', 'Upon', 'Within', 'Beyond', 'Regarding', 'Based', 'According', 'Following', 'Despite', 'Although', 'Though', 'Because',
    'Each', 'Every', 'All', 'Both', 'Some', 'Many', 'Most', 'More', 'Several', 'Other', 'Another', 'Such', 'No', 'Not', 'Only', 'Just',
    'First', 'Second', 'Third', 'Last', 'Next', 'New', 'One', 'Two', 'Three', 'Mr', 'Mrs', 'Ms', 'Dr', 'Please', 'Note', 'Notes', 'Contact',
    'Source', 'Photo', 'Image', 'Video', 'Read', 'View', 'Click', 'Follow', 'Share', 'Tel', 'Fax', 'Email', 'E-mail', 'Website', 'Media',
    'Editors', 'Forward-Looking', 'Let', 'Do', 'Does', 'Did', 'Is', 'Are', 'Was', 'Were',
    'Be', 'Will', 'Would', 'Can', 'Could', 'May', 'Might', 'Must', 'Shall', 'Should', 'Has', 'Have', 'Had', 'Yes', 'Ok', 'Okay', "I'm", "I've", "I'll", "I'd", 'I’m', 'I’ve', 'I’ll', 'I’d',
    ...capitalized(calendar.months), ...capitalized(calendar.monthAbbrevs), ...capitalized(calendar.weekdays),
    ...capitalized(Object.keys(calendar.weekdayAbbrevs).filter((w) => w.length === 3)),
    'Christmas', 'Easter', 'Internet', 'Web', 'English', 'Spanish', 'French', 'German', 'Chinese', 'Japanese', 'Arabic', 'Russian',
    'Portuguese', 'Italian', 'Dutch', 'Korean', 'Hindi', 'European', 'American', 'African', 'Asian', 'British', 'Global', 'World',
    'National', 'Q1', 'Q2', 'Q3', 'Q4', 'CEO', 'CFO', 'CTO', 'COO', 'AI', 'PR', 'TV', 'PM', 'AM', 'GMT', 'UTC', 'USD', 'EUR', 'GDP', 'ID'],
  // Words that stand at the start of a line of a list of brands: 'From ACME, BRAVO and CHARLIE to …'.
  listConnectors: ['and', '&', 'to', 'or', 'as well as'],
  // Localized place names beyond the shared world list (continents, regions, cities with an English exonym).
  places: ['Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Oceania', 'Antarctica',
    'the Middle East', 'Middle East', 'Southeast Asia', 'South Asia', 'East Asia', 'Central Asia', 'Western Europe', 'Eastern Europe',
    'Northern Europe', 'Southern Europe', 'Central Europe', 'Scandinavia', 'the Balkans', 'Balkans', 'the Caribbean', 'Caribbean',
    'Asia Pacific', 'Asia-Pacific', 'APAC', 'EMEA', 'the Gulf', 'Gulf region', 'Mediterranean', 'the Mediterranean', 'Sub-Saharan Africa',
    'North Africa', 'West Africa', 'East Africa', 'Southern Africa', 'the Americas', 'Siberia', 'Patagonia', 'Tibet', 'Kashmir',
    'Catalonia', 'Bavaria', 'Flanders', 'Wallonia', 'Normandy', 'Brittany', 'Scotland', 'Wales', 'England', 'Northern Ireland',
    'Great Britain', 'Britain', 'Hong Kong', 'Macau', 'Macao', 'Taiwan', 'Greenland', 'Puerto Rico', 'Kosovo', 'Palestine',
    'Atlantic', 'Pacific', 'Indian Ocean', 'Arctic', 'Alps', 'Andes', 'Himalayas', 'Amazon', 'Nile', 'Danube', 'Rhine', 'Sahara',
    'Silicon Valley', 'Wall Street', 'Lisbon', 'Munich', 'Cologne', 'Vienna', 'Prague', 'Warsaw', 'Moscow', 'Rome', 'Milan', 'Naples',
    'Florence', 'Venice', 'Turin', 'Athens', 'Brussels', 'Antwerp', 'The Hague', 'Copenhagen', 'Gothenburg', 'Geneva', 'Zurich',
    'Beijing', 'Peking', 'Canton', 'Seville', 'Bucharest', 'Belgrade', 'Kyiv', 'Kiev', 'Tehran', 'Cairo', 'Algiers', 'Mexico City',
    'Sao Paulo', 'São Paulo', 'Rio de Janeiro', 'Havana', 'Bogota', 'Bogotá', 'Nuremberg', 'Hanover', 'Brunswick', 'Lucerne',
    'Ghent', 'Bruges', 'Leuven', 'Louvain', 'Marseilles', 'Dunkirk', 'Strasbourg', 'Basel', 'Bern', 'Berne'],
  // Frequent given names of this language area (general knowledge); a capitalized pair starting with one is a person.
  givenNames: [],
};

export default entities;
