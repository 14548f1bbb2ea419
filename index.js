// n8n loads the nodes and the credential from the "n8n" section of package.json.
