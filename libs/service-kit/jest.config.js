const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'service-kit', rootDir: __dirname };
