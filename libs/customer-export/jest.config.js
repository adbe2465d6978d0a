const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'customer-export', rootDir: __dirname };
