const preset = require('../../jest.preset.js');

module.exports = { ...preset, ...preset.postgres, displayName: 'file-storage', rootDir: __dirname };
