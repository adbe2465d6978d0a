const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'business-calendar', rootDir: __dirname };
