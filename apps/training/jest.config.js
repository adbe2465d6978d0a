const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'training', rootDir: __dirname };
