module.exports = {
  displayName: 'api-pitch',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
