const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'after-sales', rootDir: __dirname };
