module.exports = { ...require('../../jest.preset.js'), displayName: 'production-build', rootDir: __dirname };
