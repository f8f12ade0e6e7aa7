// Vite's `?inline` CSS imports: the file's text (the theme, adopted as a constructed stylesheet).
declare module '*.css?inline' {
  const css: string;
  export default css;
}
