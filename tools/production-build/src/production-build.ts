import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformSync } from '@swc-node/core';
import { readDefaultTsConfig, tsCompilerOptionsToSwcConfig } from '@swc-node/register/read-default-tsconfig';
import { ModuleKind } from 'typescript';

export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

/** What production runs: every app's and every library's sources, never tests or test harnesses. */
const SOURCE_ROOTS = ['apps', 'libs'];
const LEFT_OUT = [/\.spec\.ts$/, /\.fixture\.ts$/, /\.d\.ts$/, /^apps\/platform-e2e\//, /^libs\/testing\//];

function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else {
        const inRepository = relative(root, path);
        if (inRepository.split('/')[2] === 'src' && !LEFT_OUT.some((pattern) => pattern.test(inRepository))) files.push(inRepository);
      }
    }
  };
  for (const top of SOURCE_ROOTS) walk(join(root, top));
  return files.sort();
}

export interface ProductionBuild {
  outputDirectory: string;
  compiled: number;
  copied: number;
}

/**
 * Compiles apps/ and libs/ to CommonJS under `outputDirectory`, keeping the repository's layout, so
 * production runs plain JavaScript. It transpiles with the very options `tools/register.js` uses in
 * development (swc from tsconfig.base.json: decorator metadata for type-graphql and TypeORM, and the
 * @carebridge/* paths rewritten to relative requires), so what runs in production is what was
 * tested. Type checking is `npm run typecheck`'s work, not this one's. Other files under src/ (XML
 * schemas, fonts) are copied as they are.
 */
export function buildForProduction(outputDirectory: string, root = REPOSITORY_ROOT): ProductionBuild {
  const compilerOptions = readDefaultTsConfig(join(root, 'tsconfig.base.json'));
  compilerOptions.module = ModuleKind.CommonJS;
  let compiled = 0;
  let copied = 0;
  for (const file of sourceFiles(root)) {
    const source = join(root, file);
    const target = join(outputDirectory, file);
    mkdirSync(dirname(target), { recursive: true });
    if (!file.endsWith('.ts')) {
      copyFileSync(source, target);
      copied += 1;
      continue;
    }
    const javascript = target.replace(/\.ts$/, '.js');
    const swcOptions = { ...tsCompilerOptionsToSwcConfig(compilerOptions, source), sourcemap: true };
    const { code, map } = transformSync(readFileSync(source, 'utf8'), source, swcOptions);
    writeFileSync(javascript, `${code}\n//# sourceMappingURL=${javascript.split('/').pop()}.map\n`);
    if (map) writeFileSync(`${javascript}.map`, map);
    compiled += 1;
  }
  return { outputDirectory, compiled, copied };
}
