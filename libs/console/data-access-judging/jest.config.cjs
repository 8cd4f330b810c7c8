module.exports = {
  displayName: 'console-data-access-judging',
  preset: '../jest.angular.cjs',
  rootDir: __dirname,
};
