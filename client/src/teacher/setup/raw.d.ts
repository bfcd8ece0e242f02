// Vite's "?raw" imports: a file's text, bundled into the page (the scenario guide).
declare module "*?raw" {
  const text: string;
  export default text;
}
