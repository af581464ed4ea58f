/** The package's name and version, as servers and the CLI report them. */
export const PACKAGE_NAME = 'mcp-snapshot-server';
export const PACKAGE_VERSION = '0.1.0';
