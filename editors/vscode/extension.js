// Starts the ecobugs language server for Java files and shows its diagnostics and quick fixes.
const { workspace } = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = workspace.getConfiguration('ecobugs');
  const jar = config.get('serverJar') || context.asAbsolutePath('server/ecobugs-ls.jar');
  client = new LanguageClient(
    'ecobugs',
    'ecobugs',
    { command: config.get('java'), args: ['-jar', jar] },
    {
      documentSelector: [
        { scheme: 'file', language: 'java' },
        { scheme: 'untitled', language: 'java' },
      ],
      initializationOptions: {
        resolveClasspath: config.get('resolveClasspath'),
        projectModel: config.get('projectModel'),
      },
    },
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
