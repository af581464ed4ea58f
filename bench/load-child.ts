/** Child process of the load benchmark: `node load-child.js <file>`. */
import { loadOnceInChild } from './app.bench-lib.js';

await loadOnceInChild(process.argv[2]!);
