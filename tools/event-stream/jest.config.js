const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'event-stream', rootDir: __dirname };
