module.exports = { ...require('../../jest.preset.js'), displayName: 'event-catalogue', rootDir: __dirname };
