// Runs on plain Node, without tools/register.js: loads the compiled subgraphs and the gateway from a
// production build and prints each subgraph's SDL as JSON ({ name: sdl }), built the way composition
// builds it. production-build.spec.ts compares them with the SDL built from the TypeScript sources.
//   node print-compiled-schemas.js <build directory>
const { join } = require('node:path');

async function main(build) {
  const { SUBGRAPHS } = require(join(build, 'libs/config/src'));
  const { loadSubgraphDefinition, subgraphSdl } = require(join(build, 'libs/local-platform/src'));
  require(join(build, 'apps/gateway/src/gateway'));
  require(join(build, 'libs/service-kit/src/telemetry-preload'));
  const schemas = {};
  for (const { name } of SUBGRAPHS) schemas[name] = await subgraphSdl(await loadSubgraphDefinition(name));
  process.stdout.write(JSON.stringify(schemas));
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(`${error.stack || error.message}\n`);
  process.exit(1);
});
