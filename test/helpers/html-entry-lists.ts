/** The case: three lines in the `<p>`/`<br>` form, a tracking parameter and an exact twin. */
export const P_BR_LIST = [
  '# Awesome Things', // 1
  '', // 2
  '## Tools', // 3
  '', // 4
  '<p>', // 5
  '&nbsp;&nbsp;<a href="https://alpha.example/?utm_source=newsletter&amp;lang=en"><b>Alpha</b></a> - builds things.<br>', // 6
  '&nbsp;&nbsp;<a href="https://beta.example/"><b>Beta</b></a> - tests things.<br>', // 7
  '&nbsp;&nbsp;<a href="https://beta.example/"><b>Beta</b></a> - tests things.<br>', // 8
  '</p>', // 9
  '',
].join('\n');
