module.exports = {
  displayName: 'api-judging',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
