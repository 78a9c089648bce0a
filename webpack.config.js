const path = require("path");
const CopyPlugin = require("copy-webpack-plugin");

module.exports = {
  mode: "production",
  target: "node",
  entry: "./src/index.ts",
  devtool: false,
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "index.js",
    libraryTarget: "commonjs2",
    clean: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      { test: /\.ts$/, loader: "ts-loader", exclude: /node_modules/, options: { transpileOnly: true } },
      // Spectral's component conversion does work that grows with the number of actions and inputs
      // (quadratic map copies, lodash omit per input); rewritten at bundle time to the same result, about
      // 35 ms less cold start for us. See the loader for the details and its upgrade guard.
      {
        test: /[\\/]@prismatic-io[\\/]spectral[\\/]dist[\\/]serverTypes[\\/]convertComponent\.js$/,
        loader: path.resolve(__dirname, "scripts", "webpack", "spectralColdStart.js"),
      },
    ],
  },
  plugins: [new CopyPlugin({ patterns: [{ from: "assets", to: "." }] })],
  // Spectral bundles jest-mock for its testing helpers; its dynamic require is harmless at runtime.
  ignoreWarnings: [/Critical dependency: the request of a dependency is an expression/],
  performance: { hints: false },
};
