module.exports = {
  displayName: 'console-ui',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
