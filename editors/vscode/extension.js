// Starts `credence lsp` for Credence files. Plain JavaScript, no build step: `npm install`
// fetches vscode-languageclient, then the folder runs as an extension as it is.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("credence").get("path") || "credence";
  client = new LanguageClient(
    "credence",
    "Credence",
    { command, args: ["lsp"] },
    {
      documentSelector: [{ scheme: "file", language: "credence" }],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/*.credence"),
      },
    }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
