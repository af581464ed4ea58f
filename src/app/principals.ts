/** Who owns data: stdio and the CLI act for the one local user. */
export const LOCAL_PRINCIPAL = 'local';
