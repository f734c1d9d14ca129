// Deliberately empty: msgpackr checks `if (extractor)` and uses its JavaScript decoder.
module.exports = null;
