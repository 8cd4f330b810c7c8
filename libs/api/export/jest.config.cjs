module.exports = {
  displayName: 'api-export',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
