const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'complaint', rootDir: __dirname };
