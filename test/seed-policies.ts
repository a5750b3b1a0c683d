// The five shipped policies as the tests know them: a fixture copy, so a school's own policy saved in
// knowledge/policies/ (or a replaced seed) never changes what the tests read.

import { fileURLToPath } from 'node:url';

/** The folder holding the fixture copy of the five seed policies. */
export const SEED_POLICIES = fileURLToPath(new URL('./fixtures/seeds', import.meta.url));
