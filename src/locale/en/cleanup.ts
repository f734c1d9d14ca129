import type { CleanupLocale } from '../cleanup.js';
import { calendar } from './calendar.js';
import { merge } from '../calendar.js';

export const en: CleanupLocale = {
  months: merge(calendar.months, calendar.monthAbbrevs),
  daySuffixes: ['st', 'nd', 'rd', 'th'],
  placeParticles: ['of', 'upon', 'on', 'the'],
  dateConnectors: [],
  functionWords: [
    // prepositions
    'about', 'above', 'across', 'after', 'against', 'along', 'amid', 'among', 'amongst', 'around', 'as', 'at',
    'before', 'behind', 'below', 'beneath', 'beside', 'besides', 'between', 'beyond', 'by', 'despite', 'down',
    'during', 'except', 'for', 'from', 'in', 'inside', 'into', 'like', 'near', 'of', 'off', 'on', 'onto',
    'outside', 'over', 'past', 'per', 'since', 'than', 'through', 'throughout', 'to', 'toward', 'towards',
    'under', 'underneath', 'unlike', 'until', 'upon', 'versus', 'via', 'with', 'within', 'without',
    'including', 'regarding', 'concerning',
    // articles and determiners
    'a', 'an', 'the', 'this', 'that', 'these', 'those', 'each', 'every', 'either', 'neither', 'some', 'any',
    'no', 'such', 'whose', 'which', 'both', 'several', 'many', 'most', 'more',
    // possessives
    'my', 'your', 'his', 'her', 'its', 'our', 'their',
    // conjunctions
    'and', 'or', 'but', 'nor', 'yet', 'so', 'because', 'although', 'though', 'while', 'whereas', 'if',
    'unless', 'whether', 'where', 'when', 'who', 'whom',
    // auxiliaries and titles that cannot end a sentence
    'is', 'are', 'was', 'were', 'will', 'would', 'shall', 'should', 'can', 'could', 'has', 'have', 'had',
    'mr', 'mrs', 'ms', 'dr', 'prof',
  ],
  bannerWords: ['CORRECTION', 'CORRECTED', 'UPDATE', 'UPDATED', 'REPEAT', 'CLARIFICATION', 'REPLACEMENT', 'REPLACING'],
  trailerStarts: [
    'View original content', 'View source version', 'SOURCE', '###', '# # #', '-30-', '- 30 -',
    'Photo - http', 'Photo: http', 'Logo - http', 'Logo: http', 'Video - http', 'Video: http',
    'Multimedia download', 'Cision View original content', 'ENDS', '-ENDS-', '- ENDS -', '-END-',
  ],
  boilerplateLines: [
    'Comments are closed', 'Leave a comment', 'Leave a reply', 'Share', 'Share this', 'Share this article',
    'Share this story', 'Share this post', 'Share on Facebook', 'Share on Twitter', 'Share on LinkedIn',
    'Print', 'Print this page', 'Print this article', 'Email', 'Email this', 'Tweet', 'Read more',
    'Read More', 'Back to top', 'Related articles', 'Related posts', 'Related news', 'Advertisement',
    'Click to share', 'Subscribe', 'Log in', 'Sign in', 'Accept cookies', 'Accept all cookies',
    'About the author', 'About the writer', 'Share this:', 'Print this', 'Print article',
  ],
  boilerplateStarts: [
    'Read more:', 'Read more at', 'Read more about', 'Click here to', 'This website uses cookies',
    'This site uses cookies', 'We use cookies', 'By continuing to use this site', 'Sign up for our newsletter',
    'Subscribe to our newsletter', 'Share this article on', 'Related:', 'Also read:', 'See also:',
    'Read more on', 'Continue reading', 'Share on Facebook', 'Share on X', 'Share via',
  ],
  bio: {
    firstPerson: ['I', "I'm", 'I’m', "I've", 'I’ve', 'my', 'My', 'me', 'myself'],
    cues: ['passion', 'passionate', 'profession', 'believer', 'enthusiast', 'lover', 'love', 'fan of', 'hobby',
      'hobbies', 'graduate', 'writing', 'photography', 'freelance', 'blogger', 'journalist', 'writer', 'reporter',
      'correspondent', 'story ideas'],
    professions: ['journalist', 'writer', 'reporter', 'editor', 'correspondent', 'blogger', 'contributor',
      'columnist', 'author', 'freelancer', 'content writer', 'staff writer', 'news writer'],
    copulas: ['is a', 'is an', 'was a', 'is the', 'works as a', 'works as an'],
  },
};
