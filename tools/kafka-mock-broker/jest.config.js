module.exports = { displayName: 'kafka-mock-broker', preset: '../../jest.preset.js', rootDir: __dirname, testTimeout: 60000 };
