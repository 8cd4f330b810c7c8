module.exports = {
  displayName: 'api-storage',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
