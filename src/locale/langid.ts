// Language-identification tie-breakers between close languages: short lists of frequent words that
// are spelled differently (or used much more) in one language of the pair than in the other.
// From general linguistic knowledge (standard spelling differences), not from any corpus.
// Used only when the statistical detectors have already narrowed the text to the pair.

export interface PairMarkers {
  /** ISO 639-1 codes of the two languages. */
  langs: readonly [string, string];
  /** Words (lower case) typical of each language of the pair. */
  words: Readonly<Record<string, readonly string[]>>;
  /** Language chosen when the markers tie; the one with far more written text. */
  prior: string;
}

export const PAIR_MARKERS: readonly PairMarkers[] = [
  {
    // Indonesian vs Malay (Malaysia/Brunei/Singapore standard): spelling and word-choice differences.
    langs: ['id', 'ms'],
    prior: 'id',
    words: {
      id: [
        'bahwa', 'karena', 'bisa', 'uang', 'kantor', 'pemerintah', 'saja', 'yaitu', 'setelah', 'sesudah',
        'mau', 'kualitas', 'universitas', 'aktivitas', 'komunitas', 'fasilitas', 'kapasitas', 'agustus',
        'polisi', 'telepon', 'inggris', 'rumah sakit', 'mobil', 'sepeda', 'anggota', 'coba', 'perusahaan',
        'bisnis', 'internasional', 'proyek', 'provinsi', 'kabupaten', 'mengatakan', 'nggak', 'enggak',
        'banget', 'gimana', 'dong', 'aja', 'kayak', 'apakah', 'para', 'bagian', 'kendaraan', 'layanan',
        'pelayanan', 'usulan', 'sembarang',
      ],
      ms: [
        'bahawa', 'kerana', 'boleh', 'wang', 'pejabat', 'kerajaan', 'sahaja', 'iaitu', 'selepas', 'semasa',
        'mahu', 'baharu', 'kualiti', 'universiti', 'aktiviti', 'komuniti', 'kemudahan', 'kapasiti', 'ogos',
        'polis', 'telefon', 'inggeris', 'hospital', 'basikal', 'cuba', 'syarikat', 'perniagaan',
        'antarabangsa', 'projek', 'menerusi', 'encik', 'manakala', 'sekiranya', 'kakitangan', 'jawatan',
        'bilangan', 'maklumat', 'kedua-dua', 'adakah', 'bahagian', 'kenderaan', 'perkhidmatan', 'cadangan',
        'sebarang', 'mesyuarat', 'pertubuhan',
      ],
    },
  },
  {
    // Norwegian (Bokmål, plus the commonest Nynorsk forms) vs Danish: spelling differences.
    langs: ['no', 'da'],
    prior: 'no',
    words: {
      no: [
        'av', 'hva', 'etter', 'nå', 'meg', 'deg', 'seg', 'ble', 'blir', 'bli', 'gjør', 'fikk', 'noe', 'noen',
        'mellom', 'uten', 'siste', 'mye', 'å', 'ikkje', 'eg', 'kva', 'korleis', 'kjøpe', 'språk', 'bok',
        'gate', 'sa', 'enn', 'tatt', 'gått', 'tilbake', 'kveld', 'ettersom', 'bedrift', 'ut', 'opp', 'vært',
        'ulike', 'slik', 'dessuten', 'veldig', 'hennes', 'sier', 'spørsmål', 'kanskje', 'nesten', 'arbeid',
        'penger', 'viktig', 'mot', 'gi', 'gir', 'ta', 'tar', 'enda', 'kunnskap', 'samfunn', 'regjering',
        'prosent', 'selskap', 'løpet', 'uke', 'kjent', 'hjelp', 'utenfor', 'bety', 'fortsatt',
      ],
      da: [
        'af', 'hvad', 'efter', 'nu', 'mig', 'dig', 'sig', 'blev', 'bliver', 'blive', 'gør', 'fik', 'noget',
        'nogle', 'nogen', 'mellem', 'uden', 'sidste', 'meget', 'købe', 'sprog', 'bog', 'gade', 'sagde',
        'end', 'taget', 'gået', 'tilbage', 'aften', 'eftersom', 'virksomhed', 'ud', 'op', 'været',
        'forskellige', 'sådan', 'desuden', 'hendes', 'siger', 'spørgsmål', 'måske', 'næsten', 'arbejde',
        'penge', 'vigtig', 'mod', 'give', 'giver', 'tage', 'tager', 'endnu', 'kundskab', 'samfund',
        'regering', 'procent', 'selskab', 'løbet', 'uge', 'kendt', 'hjælp', 'udenfor', 'betyde', 'fortsat',
      ],
    },
  },
];
