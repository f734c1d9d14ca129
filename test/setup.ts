// Property tests are reproducible: fast-check runs from a fixed seed unless FC_SEED says otherwise
// (FC_SEED=random explores new cases locally; a failure prints the seed and path to replay it).
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed ? Number(seed) : 20261122 });
