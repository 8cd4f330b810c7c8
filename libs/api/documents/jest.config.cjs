module.exports = {
  displayName: 'api-documents',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
