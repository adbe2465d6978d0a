const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'customer-keys', rootDir: __dirname };
