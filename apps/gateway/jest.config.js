const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'gateway', rootDir: __dirname };
