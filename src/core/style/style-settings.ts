/** What the config says about each convention: learn it from the list (auto), force one, or turn it off. */
export interface StyleSettings {
  order: 'auto' | 'alphabetical' | 'off';
  /** A separator such as " - " forces it. */
  separator: 'auto' | 'off' | (string & {});
  descriptionCase: 'auto' | 'upper' | 'lower' | 'off';
  finalPunctuation: 'auto' | 'period' | 'none' | 'off';
  bullet: 'auto' | '-' | '*' | '+' | 'off';
  toc: 'auto' | 'off';
  tableColumns: 'auto' | 'off';
}

export const defaultStyle: StyleSettings = {
  order: 'auto',
  separator: 'auto',
  descriptionCase: 'auto',
  finalPunctuation: 'auto',
  bullet: 'auto',
  toc: 'auto',
  tableColumns: 'auto',
};

/** The style settings of a resolved config (configs built before `style` existed have none). */
export function styleSettingsOf(config: { style?: StyleSettings }): StyleSettings {
  return config.style ?? defaultStyle;
}
