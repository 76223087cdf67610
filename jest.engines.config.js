/** @type {import('jest').Config} The engine tests: real engines judge deliberately broken output. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/engines'],
  testPathIgnorePatterns: ['/node_modules/'],
  // One control plane at a time: two would compete for the machine's two cores.
  maxWorkers: 1,
  testTimeout: 15 * 60 * 1000,
};
