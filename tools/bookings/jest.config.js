const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'bookings', rootDir: __dirname };
