const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'communication', rootDir: __dirname };
