const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'personal-data-access', rootDir: __dirname };
