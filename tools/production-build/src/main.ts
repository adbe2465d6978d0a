import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildForProduction, REPOSITORY_ROOT } from './production-build';

/** `npm run build`: apps/ and libs/ compiled to dist/, what the production images run (`node dist/apps/<service>/src/main.js`). */
const outputDirectory = join(REPOSITORY_ROOT, 'dist');
rmSync(outputDirectory, { recursive: true, force: true });
const started = Date.now();
const build = buildForProduction(outputDirectory);
process.stdout.write(`dist/: ${build.compiled} modules compiled, ${build.copied} files copied in ${Date.now() - started} ms\n`);
