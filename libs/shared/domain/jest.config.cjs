module.exports = {
  displayName: 'shared-domain',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
