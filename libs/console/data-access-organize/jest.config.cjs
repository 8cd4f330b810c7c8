module.exports = {
  displayName: 'console-data-access-organize',
  preset: '../jest.angular.cjs',
  rootDir: __dirname,
};
