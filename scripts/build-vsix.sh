#!/bin/sh
# Builds dist/wheelsh-VERSION.vsix: the VS Code extension with the language server bundled in its
# server/ folder (where the extension looks first). Needs a JDK 17+ and npm (registry access for
# `npm ci`). Maven options go in MAVEN_ARGS (e.g. MAVEN_ARGS=-o for an offline build).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -B -q -pl lsp -am package -DskipTests
mkdir -p dist vscode-extension/server
cp lsp/target/wheelsh-lsp.jar vscode-extension/server/wheelsh-lsp.jar
cd vscode-extension
npm ci --no-audit --no-fund
npm run package
