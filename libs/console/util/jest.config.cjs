module.exports = {
  displayName: 'console-util',
  preset: '../jest.angular.cjs',
  rootDir: __dirname,
};
