/**
 * How listwarden finds its own things again on GitHub: the report issue by label and
 * hidden marker, the maintenance pull request by its branch.
 */
export const REPORT_LABEL = 'listwarden';
export const REPORT_LABEL_COLOR = '5319e7';
export const REPORT_LABEL_DESCRIPTION = 'Link-rot report and maintenance by listwarden';
/** First line of the report issue's body. */
export const REPORT_MARKER = '<!-- listwarden:report -->';
export const REPORT_TITLE = 'listwarden: link-rot report';
export const MAINTENANCE_BRANCH = 'listwarden/maintenance';
/** First line of the maintenance pull request's body. */
export const MAINTENANCE_MARKER = '<!-- listwarden:maintenance -->';
