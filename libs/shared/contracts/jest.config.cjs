module.exports = {
  displayName: 'shared-contracts',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
