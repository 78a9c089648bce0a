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
    rules: [{ test: /\.ts$/, loader: "ts-loader", exclude: /node_modules/, options: { transpileOnly: true } }],
  },
  plugins: [new CopyPlugin({ patterns: [{ from: "assets", to: "." }] })],
  // Spectral bundles jest-mock for its testing helpers; its dynamic require is harmless at runtime.
  ignoreWarnings: [/Critical dependency: the request of a dependency is an expression/],
  performance: { hints: false },
};
