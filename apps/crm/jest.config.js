const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'crm', rootDir: __dirname };
