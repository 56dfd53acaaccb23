// The smallest VS Code client for `reslint server`: start it on stdio for Markdown and
// plain-text files and pass the `reslint.*` settings (see docs/editors.md).
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("reslint");
  const command = settings.get("path") || "reslint";
  client = new LanguageClient(
    "reslint",
    "reslint",
    { command, args: ["server"], transport: TransportKind.stdio },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "plaintext" },
      ],
      synchronize: { configurationSection: "reslint" },
      initializationOptions: {
        reslint: Object.fromEntries(
          ["config", "rules", "select", "ignore", "lintOnChange", "debounceMs"].map(
            (key) => [key, settings.get(key)]
          )
        ),
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
