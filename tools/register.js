// `node -r ./tools/register.js file.ts`: TypeScript on load, for every Carebridge process.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.base.json');
// The gateway and Apollo Server never phone home from Carebridge.
process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
require('@swc-node/register');
