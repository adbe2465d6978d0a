const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'help-desk', rootDir: __dirname };
