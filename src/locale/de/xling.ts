// German function and frame words mapped to their Dutch counterparts, for the cross-lingual entity tagger
// (models/de.bin is trained on Dutch data: a German context word is read as the Dutch word it corresponds to).
// General translation knowledge; lower case; the Dutch side is what the Dutch training data writes.
export const DE_TO_NL: Record<string, string> = {
  der: 'de', die: 'de', den: 'de', dem: 'de', des: 'de', das: 'het',
  ein: 'een', eine: 'een', einen: 'een', einem: 'een', einer: 'een', eines: 'een',
  von: 'van', vom: 'van', in: 'in', im: 'in', ins: 'in', zu: 'te', zum: 'naar', zur: 'naar', nach: 'naar', aus: 'uit', auf: 'op',
  an: 'aan', am: 'aan', bei: 'bij', beim: 'bij', mit: 'met', für: 'voor', über: 'over', unter: 'onder', zwischen: 'tussen',
  gegen: 'tegen', durch: 'door', seit: 'sinds', während: 'tijdens', ohne: 'zonder', um: 'om', vor: 'voor', bis: 'tot', laut: 'volgens',
  gemäß: 'volgens', und: 'en', oder: 'of', aber: 'maar', sondern: 'maar', dass: 'dat', daß: 'dat', wie: 'zoals', als: 'als', wenn: 'als',
  weil: 'omdat', ob: 'of', auch: 'ook', noch: 'nog', nicht: 'niet', kein: 'geen', keine: 'geen', nur: 'alleen', schon: 'al', sehr: 'zeer',
  er: 'hij', sie: 'zij', es: 'het', wir: 'wij', ich: 'ik', man: 'men', sein: 'zijn', seine: 'zijn', seinen: 'zijn', seinem: 'zijn',
  seiner: 'zijn', ihr: 'haar', ihre: 'haar', ihren: 'haar', ihrem: 'haar', ihrer: 'haar', dieser: 'deze', diese: 'deze', dieses: 'dit',
  diesem: 'deze', diesen: 'deze', ist: 'is', sind: 'zijn', war: 'was', waren: 'waren', wird: 'wordt', werden: 'worden', wurde: 'werd',
  wurden: 'werden', hat: 'heeft', haben: 'hebben', hatte: 'had', hatten: 'hadden', kann: 'kan', soll: 'zal', muss: 'moet',
  sagte: 'zei', sagt: 'zegt', erklärte: 'verklaarde', meinte: 'meende', so: 'zo', hier: 'hier', dort: 'daar', jetzt: 'nu', heute: 'vandaag',
  gestern: 'gisteren', morgen: 'morgen', neue: 'nieuwe', neuen: 'nieuwe', erste: 'eerste', ersten: 'eerste', zwei: 'twee', drei: 'drie',
  herr: 'heer', herrn: 'heer', frau: 'mevrouw', präsident: 'president', präsidenten: 'president', minister: 'minister',
  ministerin: 'minister', bürgermeister: 'burgemeester', bürgermeisterin: 'burgemeester', trainer: 'trainer', sprecher: 'woordvoerder',
  sprecherin: 'woordvoerster', vorsitzende: 'voorzitter', vorsitzender: 'voorzitter', vorsitzenden: 'voorzitter', direktor: 'directeur',
  chef: 'chef', gründer: 'oprichter', kanzler: 'premier', bundeskanzler: 'premier', kanzlerin: 'premier', bundeskanzlerin: 'premier',
  ministerpräsident: 'premier', regierungschef: 'premier', stadt: 'stad', land: 'land', provinz: 'provincie', gemeinde: 'gemeente',
  universität: 'universiteit', partei: 'partij', regierung: 'regering', ministerium: 'ministerie', verein: 'vereniging', firma: 'firma',
  unternehmen: 'bedrijf', konzern: 'concern', gruppe: 'groep', bank: 'bank', zeitung: 'krant', sänger: 'zanger', sängerin: 'zangeres',
  spieler: 'speler', stürmer: 'aanvaller', mannschaft: 'ploeg', team: 'team', klub: 'club', club: 'club', fluss: 'rivier', stadion: 'stadion',
  hauptstadt: 'hoofdstad', nord: 'noord', süd: 'zuid', ost: 'oost', west: 'west', sankt: 'sint', st: 'sint',
};

/** Adverbs, pronouns and conjunctions that open German sentences (beyond the stopword list): never names alone. */
export const DE_FUNCTION_WORDS = ('dennoch derweil deshalb deswegen trotzdem jedoch zudem außerdem allerdings somit daher darum damals '
  + 'später danach zuvor bereits inzwischen mittlerweile immer nie niemals oft häufig etwa rund knapp fast kaum vielleicht wohl eben gerade '
  + 'sogar ebenfalls ebenso zunächst schließlich letztlich bislang bisher stets also sonst zwar hingegen dagegen stattdessen dafür '
  + 'darauf daraus darin darüber dadurch davon dabei dazu damit hierbei hierzu hiermit zugleich insgesamt ursprünglich erstmals '
  + 'anschließend außerdem ferner weiterhin teilweise jedenfalls übrigens freilich immerhin offenbar offensichtlich anscheinend '
  + 'tatsächlich eigentlich natürlich selbstverständlich vermutlich wahrscheinlich möglicherweise angeblich bekanntlich nämlich '
  + 'heutzutage künftig zukünftig gleichzeitig seither seitdem sodass sowohl weder entweder beziehungsweise bzw usw vgl ca '
  + 'dies diese dieser dieses jene jener jenes solche solcher manche mancher einige etliche wenige viele beide alles nichts etwas '
  + 'jemand niemand wer wen wem wessen was welche welcher welches wo wohin woher wann warum weshalb wieso wie mir mich dir dich uns euch '
  + 'ihm ihn ihnen sich selbst selber hierzulande dort dorthin daneben deren dessen denen sofern soweit solange sobald nachdem bevor '
  + 'ehe indem obwohl obgleich wobei weshalb wenngleich zumal falls hinzu zusätzlich beispielsweise insbesondere vor allem mehrmals '
  + 'lediglich ausschließlich überwiegend hauptsächlich vorwiegend meist meistens zumeist anfangs zuletzt zuerst erst ebenda ebendort '
  + 'heuer hernach hinterher vorher nachher irgendwann irgendwo jeweils unter anderem '
  // Abbreviations written with a capital (their dot is a token of its own): never a name alone.
  + 'st mio mrd tsd nr bzw ca evtl ggf inkl sog chr abs abt bd jh jhd').split(' ');
