module.exports = { ...require('../../jest.preset.js'), displayName: 'trusted-documents', rootDir: __dirname };
