module.exports = {
  displayName: 'console-util',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
