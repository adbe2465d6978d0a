const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'analytics', rootDir: __dirname };
