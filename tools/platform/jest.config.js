// `npm start` itself, started and stopped as a terminal would (start.spec.ts). It starts the whole
// platform, so it runs in the e2e step of `npm test` (nx.json), one file at a time.
module.exports = { ...require('../../jest.preset.js'), displayName: 'platform', rootDir: __dirname, testTimeout: 540000 };
