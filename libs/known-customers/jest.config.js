const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'known-customers', rootDir: __dirname };
