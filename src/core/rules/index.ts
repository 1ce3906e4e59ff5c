import type { Rule } from '../findings/types.js';
import { noDuplicateEntry } from './no-duplicate-entry.js';
import { consistentEntryName } from './consistent-entry-name.js';
import { toolNameSpelling } from './tool-name-spelling.js';
import { toolNameMatchesLink } from './tool-name-matches-link.js';
import { tableRowspan } from './table-rowspan.js';
import { tableEmptyRow } from './table-empty-row.js';
import { tableColumnCount } from './table-column-count.js';
import { htmlUnclosedTag } from './html-unclosed-tag.js';
import { noEmptyLink } from './no-empty-link.js';
import { noTrackingParams } from './no-tracking-params.js';
import { noMojibake } from './no-mojibake.js';
import { preferHttps } from './prefer-https.js';
import { noDeadAnchor } from './no-dead-anchor.js';
import { entryOrder } from './entry-order.js';
import { entryFormat } from './entry-format.js';
import { tocInSync } from './toc-in-sync.js';
import { tableColumnValues } from './table-column-values.js';

/** Every static rule, in the order their findings are listed for one place. */
export const allRules: Rule[] = [
  noDuplicateEntry,
  consistentEntryName,
  toolNameSpelling,
  toolNameMatchesLink,
  tableRowspan,
  tableEmptyRow,
  tableColumnCount,
  htmlUnclosedTag,
  noEmptyLink,
  noTrackingParams,
  noMojibake,
  preferHttps,
  noDeadAnchor,
  entryOrder,
  entryFormat,
  tocInSync,
  tableColumnValues,
];
