// Knockout templates are .html files that webpack (asset/source) turns into strings.
declare module '*.html' {
  const template: string;
  export default template;
}

// Component styles travel with the components as text (asset/source) and are added once per page.
declare module '*.css' {
  const stylesheet: string;
  export default stylesheet;
}
