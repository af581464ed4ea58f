import { it } from 'vitest';
import { benchSearch } from '../../../bench/search.bench-lib.js';
it('bench', async () => { console.log(await benchSearch()); }, 600_000);
