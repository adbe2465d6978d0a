const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'inquiry', rootDir: __dirname };
